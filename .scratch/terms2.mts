import { buildMessages } from '../server/modules/insight/insight.fixtures.ts';
import { predictText, trainTextClassifier } from '../server/modules/insight/text-classifier.ts';
const train = buildMessages(20, 1).map((m) => ({ title: m.title, body: m.body, label: m.category }));
const { classifier } = trainTextClassifier(train);
console.log(predictText(classifier, { title: '公交车为什么总是晚点', body: '公交车什么时候能准点到站，每天等车等很久' }).terms);
