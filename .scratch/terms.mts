import { buildMessages } from '../server/modules/insight/insight.fixtures.ts';
import { predictText, trainTextClassifier } from '../server/modules/insight/text-classifier.ts';
const train = buildMessages(20, 1).map((m) => ({ title: m.title, body: m.body, label: m.category }));
const { classifier } = trainTextClassifier(train);
console.log(predictText(classifier, { title: '夜间施工噪音扰民', body: '工地夜间施工，噪音很大，还有粉尘污染，希望环保局处理' }).terms);
