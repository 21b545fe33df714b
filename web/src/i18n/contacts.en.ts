/** Written contacts page texts (English). */
import type { contactsZh } from './contacts.zh.ts';

export const contactsEn: typeof contactsZh = {
  title: 'Written contacts',
  hint: 'SMS, WeChat, mayor\'s mailbox, People\'s Daily board and Weibo in one queue, nearest response deadline first',
  open: 'Open', mine: 'Mine', answered: 'Dealt with', all: 'All',
  openCount: '{{channel}} open {{open}}', overdueCount: 'overdue {{overdue}}',
  channel: 'Channel', from: 'From', content: 'Content', receivedAt: 'Received', waited: 'Waited / standard', status: 'Status',
  waitedOf: 'Waited {{waited}} of {{allowed}}', left: '{{left}} left', late: '{{late}} late',
  sla: { normal: 'On time', at_risk: 'At risk', overdue: 'Overdue' },
  statuses: { waiting: 'Waiting', claimed: 'In progress', answered: 'Answered', converted: 'Became an order', attached: 'Attached to an order', closed: 'Closed' },
  duration: { d: '{{count}} d', h: '{{count}} h', m: '{{count}} min' },
  claim: 'Claim', release: 'Release', open_: 'Open', claimedOk: 'Claimed', releasedOk: 'Released',
  claimedByMe: 'Claimed by me', claimedByOther: 'Someone else is on it',
  detail: 'Contact C{{id}}', attachments: 'Attachments', refused: 'Attachments not kept: {{files}}', thread: 'Same thread as C{{contact}}',
  rejected: 'Refused: {{reason}}',
  reply: 'Reply', replyHint: 'The reply goes out through the channel it came from ({{channel}})', send: 'Send reply', sentOk: 'Reply queued for sending',
  toTicket: 'Turn into an order', type: 'Type', urgency: 'Urgency', ticketTitle: 'Title (optional)', createTicket: 'Create order', createdOk: 'Order {{number}} created; the sender is told',
  attach: 'Attach to an existing order', ticketNumber: 'Order number', attachOk: 'Attached to order {{number}}',
  messages: 'Messages sent', history: 'The citizen\'s contacts in every channel', historyEmpty: 'Nothing else yet', noCitizen: 'No citizen linked (no phone given)',
  kinds: { contact: 'Message', ticket: 'Order', call: 'Call' },
  messageKinds: { reply: 'Reply', acknowledgement: 'Acknowledgement', notice_accepted: 'Accepted notice', notice_completed: 'Completed notice', callback_survey: 'Callback survey', survey_thanks: 'Thanks for rating' },
  empty: 'The queue is empty',
  boards: {
    title: 'People\'s Daily board · Weibo', import: 'Import a list file',
    importHint: 'The board\'s CSV, Excel (.xlsx) or JSON export; messages are taken once by their id, so importing again adds nothing twice; a file with any bad row imports nothing',
    imported: '{{rows}} messages in the file: {{created}} new, {{duplicates}} already here',
    row: 'Row', column: 'Column', reason: 'Reason', moreProblems: '{{count}} more problems not shown',
    fromFile: 'Imported from {{filename}}, row {{row}}', pulled: 'Pulled from the board',
    counts: { likes: '{{count}} likes', against: '{{count}} against', reposts: '{{count}} reposts', comments: '{{count}} comments' },
    period: 'Answered', format: 'Format', export: 'Export answers', exportHint: 'With the board\'s ids and the answers, to upload to the board',
  },
};
