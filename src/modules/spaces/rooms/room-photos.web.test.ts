// Rooms' photos through the real HTTP app, as a browser without JavaScript: a room manager uploads
// them on the room's form (multipart), they show on the room's page, in search results and in the
// API, and are served at /room-photos/{id} with their type, a long cache and no cookie; bad files,
// long captions and a seventh photo are refused with translated reasons and nothing stored; other
// organisations' members and the room's other members find nothing and change nothing.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Member } from '../../../../test/helpers/members.ts';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import { publishRoom, roomOwner } from '../../../../test/helpers/spaces.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();

const photo = (width: number, height: number, colour = '#3a7') =>
  sharp({ create: { width, height, channels: 3, background: colour } });

/** The room's photos as stored, in their order. */
const photosOf = async (room: string) =>
  (await sql(
    app.t,
    `select id, content_type, width, height, caption, position, length(data)::int as bytes
     from room_photos where room_id = $1 order by position, created_at, id`,
    [room],
  )) as { id: string; content_type: string; width: number; height: number; caption: object; bytes: number }[];

/** Opens the room's form (for its token), then posts the upload form. */
async function upload(
  who: Member,
  room: string,
  data: Buffer,
  { locale = 'en', fields = {} as Record<string, string>, type = 'image/jpeg' } = {},
) {
  await who.get(`/${locale}/manage/rooms/${room}`);
  // A person without the room's form has no page with a token of this session there: any page gives one.
  if (!/name="_csrf"/.test((await who.get(`/${locale}/account`)).body)) throw new Error('no token');
  return who.upload(`/${locale}/manage/rooms/${room}/photos`, fields, {
    field: 'photo',
    name: 'photo.jpg',
    type,
    data,
  });
}

async function action(who: Member, room: string, photoId: string, what: 'delete' | 'first') {
  await who.get('/en/account');
  return who.post(`/en/manage/rooms/${room}/photos/${photoId}/${what}`, {});
}

describe('a room’s photos', () => {
  it('a manager uploads them; they show on the room’s page, in search results and the API, and are served as images', async () => {
    const owner = await roomOwner(app.t, 0);
    const room = await publishRoom(app.t, owner, { 'name.en': 'Hall with photos' });
    const form = await owner.editor.get(`/en/manage/rooms/${room}`);
    expect(form.body).toContain('id="photos-title"');
    expect(form.body).toContain('enctype="multipart/form-data"');

    // A camera's JPEG, held sideways, with where it was taken in its metadata.
    const camera = await photo(2400, 1800)
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { ImageDescription: 'Rue Haute 1, Bruxelles' } } })
      .toBuffer();
    const added = await upload(owner.editor, room, camera, {
      fields: { 'caption.en': 'The hall with its kitchen', 'caption.fr': 'La salle et sa cuisine' },
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`/en/manage/rooms/${room}?done=photo_added#photos`);
    const png = await photo(300, 200, '#c33').png().toBuffer();
    expect((await upload(owner.editor, room, png, { type: 'image/png' })).statusCode).toBe(303);
    const [first, second] = await photosOf(room);
    // Upright and made at most 1,600 px on the long side.
    expect(first).toMatchObject({
      content_type: 'image/jpeg',
      width: 1200,
      height: 1600,
      caption: { en: 'The hall with its kitchen', fr: 'La salle et sa cuisine' },
    });
    expect(second).toMatchObject({ content_type: 'image/png', width: 300, height: 200, caption: {} });
    const audit = await sql(
      app.t,
      `select event, details->>'photo' as photo from audit_log where subject_id = $1 and event like 'spaces.room_photo%' order by id`,
      [room],
    );
    expect(audit).toEqual([
      { event: 'spaces.room_photo_added', photo: first!.id },
      { event: 'spaces.room_photo_added', photo: second!.id },
    ]);

    // The room's page: the caption in the reader's language as the image's text, its size, lazy.
    const fr = (await app.get(`/fr/rooms/${room}`)).body;
    expect(fr).toMatch(
      new RegExp(
        `<img src="/room-photos/${first!.id}\\?size=small" srcset="[^"]+" sizes="[^"]+" width="1200" height="1600" alt="La salle et sa cuisine" loading="lazy"`,
      ),
    );
    expect(fr).toContain('<figcaption aria-hidden="true">La salle et sa cuisine</figcaption>');
    // A photo without a caption: an empty text, no caption, a link that says what it opens.
    expect(fr).toMatch(new RegExp(`<img src="/room-photos/${second!.id}" [^>]*alt=""`));
    expect(fr).toContain('aria-label="Photo 2 de la salle, en grand"');
    // In Dutch, which the caption lacks: another language, marked as such.
    const nl = (await app.get(`/nl/rooms/${room}`)).body;
    expect(nl).toContain('<figure lang="en">');
    expect(nl).toContain('alt="The hall with its kitchen"');

    // The file: the image re-encoded, upright, without its metadata, kept long, with no cookie.
    const served = await app.get(`/room-photos/${first!.id}`, { cookie: 'passerelle_session=ended' });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cache-control']).toBe('public, max-age=86400');
    expect(served.headers['content-security-policy']).toBe("default-src 'none'");
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(served.headers['set-cookie']).toBeUndefined();
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 1600 });
    expect(meta.exif).toBeUndefined();
    expect(served.rawPayload.toString('latin1')).not.toContain('Rue Haute');
    // Pages with the same ended session do clear its cookie: the file is where sessions are skipped.
    const page = await app.get(`/en/rooms/${room}`, { cookie: 'passerelle_session=ended' });
    expect(String(page.headers['set-cookie'])).toContain('passerelle_session=;');
    const small = await app.get(`/room-photos/${first!.id}?size=small`);
    expect(small.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(small.rawPayload).metadata()).toMatchObject({ width: 360, height: 480 });
    expect((await app.get(`/room-photos/${second!.id}`)).headers['content-type']).toBe('image/png');
    expect((await app.get('/room-photos/not-an-id')).statusCode).toBe(404);
    expect((await app.get(`/room-photos/${room}`)).statusCode).toBe(404);

    // Search results show the first, small; the API gives both with their addresses.
    const found = (await app.get('/en/rooms?people=20')).body;
    expect(found).toMatch(
      new RegExp(
        `class="room-thumb" src="/room-photos/${first!.id}\\?size=small" width="360" height="480" alt=""`,
      ),
    );
    const api = (await app.get(`/api/v1/rooms/${room}`)).json();
    expect(api.photos).toEqual([
      {
        id: first!.id,
        url: `http://localhost:80/room-photos/${first!.id}`,
        small_url: `http://localhost:80/room-photos/${first!.id}?size=small`,
        width: 1200,
        height: 1600,
        caption: { en: 'The hall with its kitchen', fr: 'La salle et sa cuisine' },
      },
      expect.objectContaining({ id: second!.id, width: 300, height: 200, caption: {} }),
    ]);
    const listed = (await app.get('/api/v1/rooms?per_page=100')).json();
    const inList = listed.data.find((r: { id: string }) => r.id === room);
    expect(inList.photos.map((p: { id: string }) => p.id)).toEqual([first!.id, second!.id]);
    expect((await app.get('/api/v1/rooms/not-a-room')).statusCode).toBe(404);
  });

  it('refuses what is not a photo, too big a file, a long caption and a seventh photo, in the reader’s language, storing nothing', async () => {
    const owner = await roomOwner(app.t, 1);
    const room = await publishRoom(app.t, owner);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const notImage = await upload(owner.editor, room, svg, {
      locale: 'fr',
      type: 'image/jpeg',
      fields: { 'caption.fr': 'Ma légende' },
    });
    expect(notImage.statusCode).toBe(400);
    expect(notImage.body).toContain('Ce n’est pas une image PNG, JPEG ou WebP.');
    expect(notImage.body).toContain('href="#f-photo"');
    expect(notImage.body).toContain('value="Ma légende"');
    const jpeg = await photo(64, 48).jpeg().toBuffer();
    const big = await upload(owner.editor, room, Buffer.concat([jpeg, Buffer.alloc(2.5 * 1024 * 1024)]), {
      locale: 'nl',
    });
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('Dit bestand is groter dan 2 MB.');
    // Far beyond what the server reads at all: the same answer on the form, not an error page.
    const huge = await upload(owner.editor, room, Buffer.concat([jpeg, Buffer.alloc(6 * 1024 * 1024)]), {
      locale: 'nl',
      fields: { 'caption.nl': 'Grote zaal' },
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain('Dit bestand is groter dan 2 MB.');
    expect(huge.body).toContain('value="Grote zaal"');
    const empty = await upload(owner.editor, room, Buffer.alloc(0));
    expect(empty.body).toContain('Choose a photo first.');
    const truncated = await upload(owner.editor, room, jpeg.subarray(0, jpeg.length / 2));
    expect(truncated.body).toContain('This photo cannot be read');
    const long = await upload(owner.editor, room, jpeg, { fields: { 'caption.en': 'x'.repeat(201) } });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('At most 200 characters.');
    expect(await photosOf(room)).toEqual([]);

    for (let i = 0; i < 6; i++)
      expect(
        (
          await upload(
            owner.editor,
            room,
            await photo(40 + i, 30)
              .jpeg()
              .toBuffer(),
          )
        ).statusCode,
      ).toBe(303);
    const full = await owner.editor.get(`/en/manage/rooms/${room}`);
    expect(full.body).toContain('This room has 6 photos, the most a room may have.');
    expect(full.body).not.toContain('enctype="multipart/form-data"');
    const seventh = await upload(owner.editor, room, jpeg, { locale: 'fr' });
    expect(seventh.statusCode).toBe(400);
    expect(seventh.body).toContain('Une salle a 6 photos au maximum.');
    expect(await photosOf(room)).toHaveLength(6);
  });

  it('is for the room’s managers only: to others the room is not found and nothing changes', async () => {
    const owner = await roomOwner(app.t, 2);
    const room = await publishRoom(app.t, owner);
    const jpeg = await photo(80, 60).jpeg().toBuffer();
    await upload(owner.editor, room, jpeg);
    await upload(owner.editor, room, jpeg);
    const before = await photosOf(room);
    const [{ id: other }] = await sql(app.t, 'select id from organisations where id <> $1 limit 1', [
      owner.org,
    ]);
    const stranger = await memberOf(app.t, other, ['admin']);
    const referrer = await memberOf(app.t, owner.org, ['referrer']);
    for (const who of [stranger, referrer]) {
      expect((await who.get(`/en/manage/rooms/${room}`)).statusCode).toBe(404);
      const refused = await upload(who, room, jpeg);
      expect(refused.statusCode).toBe(404);
      expect(refused.body).toContain('There is no such room');
      expect((await action(who, room, before[1]!.id, 'first')).statusCode).toBe(404);
      expect((await action(who, room, before[0]!.id, 'delete')).statusCode).toBe(404);
    }
    expect(await photosOf(room)).toEqual(before);
    // Nor does a manager of another room reach this room's photos through her own room.
    const otherOwner = await roomOwner(app.t, 3);
    const otherRoom = await publishRoom(app.t, otherOwner);
    expect((await action(otherOwner.editor, otherRoom, before[0]!.id, 'delete')).statusCode).toBe(404);
    expect((await action(otherOwner.editor, otherRoom, before[1]!.id, 'first')).statusCode).toBe(404);
    expect(await photosOf(room)).toEqual(before);
  });

  it('a manager shows a photo first and removes one; a removed photo is no longer served', async () => {
    const owner = await roomOwner(app.t, 4);
    const room = await publishRoom(app.t, owner);
    for (const colour of ['#111', '#555', '#999'])
      await upload(owner.editor, room, await photo(64, 48, colour).jpeg().toBuffer(), {
        fields: { 'caption.en': `Photo ${colour}` },
      });
    const [a, b, c] = await photosOf(room);
    const first = await action(owner.editor, room, c!.id, 'first');
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/en/manage/rooms/${room}?done=photo_moved#photos`);
    expect((await photosOf(room)).map((p) => p.id)).toEqual([c!.id, a!.id, b!.id]);
    const page = (await owner.editor.get(`/en/manage/rooms/${room}?done=photo_moved`)).body;
    expect(page).toContain('The photo is shown first now.');
    // The first has no "show first" button; the others do, named by their place.
    expect(page).not.toContain(`/photos/${c!.id}/first`);
    expect(page).toContain('aria-label="Show photo 2 first"');
    const order = (await app.get(`/en/rooms/${room}`)).body;
    expect(order.indexOf('Photo #999')).toBeLessThan(order.indexOf('Photo #111'));
    expect(order.indexOf('Photo #111')).toBeLessThan(order.indexOf('Photo #555'));

    // Its small copy, made once and then kept by the process, is served until the photo is removed.
    const smallA = await app.get(`/room-photos/${a!.id}?size=small`);
    expect(smallA.statusCode).toBe(200);
    expect((await app.get(`/room-photos/${a!.id}?size=small`)).rawPayload.equals(smallA.rawPayload)).toBe(
      true,
    );
    const removed = await action(owner.editor, room, a!.id, 'delete');
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/en/manage/rooms/${room}?done=photo_removed#photos`);
    expect((await photosOf(room)).map((p) => p.id)).toEqual([c!.id, b!.id]);
    expect((await app.get(`/room-photos/${a!.id}`)).statusCode).toBe(404);
    expect((await app.get(`/room-photos/${a!.id}?size=small`)).statusCode).toBe(404);
    expect((await action(owner.editor, room, a!.id, 'delete')).statusCode).toBe(404);
    expect((await action(owner.editor, room, 'not-an-id', 'first')).statusCode).toBe(404);
    const events = await sql(
      app.t,
      `select event from audit_log where subject_id = $1 and event in ('spaces.room_photo_moved', 'spaces.room_photo_removed') order by id`,
      [room],
    );
    expect(events.map((e) => e.event)).toEqual(['spaces.room_photo_moved', 'spaces.room_photo_removed']);
  });
});
