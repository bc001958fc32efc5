// Below the search results: what other modules found for the same words (questions to the
// network, members-only ones too for members), each a small box with its best few and a link to all
// of them. Below, not above: public questions are results themselves now, and above the box pushed
// the first result under the fold of a phone. Always there, empty
// when nothing matched, so a live refresh of the results replaces it too (hx-swap-oob).
import type { RelatedResults } from '../../search/index.ts';

export function RelatedBoxes({ boxes, outOfBand = false }: { boxes: RelatedResults[]; outOfBand?: boolean }) {
  return (
    <div id="related-results" class="related-results" hx-swap-oob={outOfBand ? 'true' : undefined}>
      {boxes.map((box, i) => (
        <aside class="related-box" aria-labelledby={`related-${i}`}>
          <h2 id={`related-${i}`} safe>
            {box.heading}
          </h2>
          <ul>
            {box.items.map((item) => (
              <li>
                <a href={item.href} lang={item.lang} safe>
                  {item.title}
                </a>
                {item.meta ? (
                  <>
                    {' '}
                    <small safe>{item.meta}</small>
                  </>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
          <p>
            <a href={box.more.href} safe>
              {box.more.label}
            </a>
          </p>
        </aside>
      ))}
    </div>
  );
}
