import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { describe, expect, it } from 'vitest';
import { attachmentCountOf, ourMessageIdOf, outgoingMessageId, readLetter, sourceIdOf, tooLarge } from './mail.letter.ts';

const limits = { maxBytes: 1000, maxAttachments: 2 };
const build = (mail: ConstructorParameters<typeof MailComposer>[0]) => new MailComposer(mail).compile().build();

describe('mail letters', () => {
  it('reads the sender from Reply-To before From, and the thread ids without brackets', async () => {
    const raw = await build({
      from: 'A <a@x.test>',
      replyTo: 'B@Y.test',
      to: 'mayor@city.test',
      subject: ' 噪音 ',
      text: '正文',
      messageId: '<m1@x.test>',
      inReplyTo: '<lianxin-7@city.test>',
      references: ['<m0@x.test>', '<lianxin-7@city.test>'],
    });
    const read = await readLetter(raw, limits);
    expect('letter' in read && read.letter).toMatchObject({
      messageId: 'm1@x.test',
      inReplyTo: 'lianxin-7@city.test',
      references: ['m0@x.test', 'lianxin-7@city.test'],
      address: 'b@y.test',
      subject: '噪音',
      text: '正文',
      isAutomatic: false,
    });
  });

  it('marks autoresponders and bounces as automatic', async () => {
    const auto = await readLetter(
      await build({ from: 'a@x.test', to: 'm@c.test', text: 'away', headers: { 'Auto-Submitted': 'auto-replied' } }),
      limits,
    );
    const bounce = await readLetter(await build({ from: 'MAILER-DAEMON@x.test', to: 'm@c.test', text: 'failed' }), limits);
    expect('letter' in auto && auto.letter.isAutomatic).toBe(true);
    expect('letter' in bounce && bounce.letter.isAutomatic).toBe(true);
  });

  it('refuses more attachments than the limit, and a message larger than the limit unread', async () => {
    const raw = await build({
      from: 'a@x.test',
      to: 'm@c.test',
      text: 'x',
      attachments: [1, 2, 3].map((i) => ({ filename: `${i}.txt`, content: 'a' })),
    });
    expect(await readLetter(raw, limits)).toMatchObject({ rejected: { code: 'too_many_attachments' } });
    expect(tooLarge(1001, limits)).toMatchObject({ code: 'too_large' });
    expect(tooLarge(1000, limits)).toBeNull();
  });

  it('counts attachments in a BODYSTRUCTURE, inline images included, the text parts not', () => {
    expect(
      attachmentCountOf({
        type: 'multipart/mixed',
        childNodes: [
          { type: 'multipart/alternative', childNodes: [{ type: 'text/plain' }, { type: 'text/html' }] },
          { type: 'image/png', disposition: 'inline' },
          { type: 'text/plain', disposition: 'attachment' },
          { type: 'application/pdf' },
        ],
      }),
    ).toBe(3);
    expect(attachmentCountOf({ type: 'text/plain' })).toBe(0);
  });

  it('keys a letter without a Message-ID by a digest of its bytes, and finds its own outgoing ids again', () => {
    expect(sourceIdOf(null, Buffer.from('a'))).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(sourceIdOf('m@x', Buffer.from('a'))).toBe('m@x');
    expect(ourMessageIdOf(outgoingMessageId(42, 'city.test'), 'city.test')).toBe(42);
    expect(ourMessageIdOf('lianxin-42@elsewhere.test', 'city.test')).toBeNull();
  });
});
