// The shared table and select parts: the same markup every page wrote by hand before.
import { describe, expect, it } from 'vitest';
import { DataTable } from './components.tsx';
import { Options } from './forms.tsx';

describe('DataTable', () => {
  it('heads its columns, leaves out `false` ones and names a column of buttons for screen readers', async () => {
    const html = await (
      <DataTable class="members" caption="Members <all>" columns={['Person', false, { hidden: 'Remove' }]}>
        <tr>
          <td>Amina</td>
        </tr>
      </DataTable>
    );
    expect(html).toBe(
      '<table class="data-table members"><caption class="visually-hidden">Members &lt;all></caption>' +
        '<thead><tr><th scope="col">Person</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>' +
        '<tbody><tr><td>Amina</td></tr></tbody></table>',
    );
  });

  it('has no caption when none is given', async () => {
    const html = await (<DataTable columns={['Name']} />);
    expect(html).toBe(
      '<table class="data-table"><thead><tr><th scope="col">Name</th></tr></thead><tbody></tbody></table>',
    );
  });
});

describe('Options', () => {
  it('puts the empty choice first and selects the current value', async () => {
    const html = await (
      <select>
        <Options
          empty="Any"
          value="b"
          options={[
            { value: 'a', label: 'A & co' },
            { value: 'b', label: 'B' },
          ]}
        />
      </select>
    );
    expect(html).toBe(
      '<select><option value="">Any</option><option value="a">A &amp; co</option><option value="b" selected>B</option></select>',
    );
  });
});
