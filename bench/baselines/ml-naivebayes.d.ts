/** The part of ml-naivebayes (untyped JavaScript) that the classification baseline uses. */
declare module 'ml-naivebayes' {
  export class MultinomialNB {
    train(trainingSet: number[][], trainingLabels: number[]): void;
    predict(dataset: number[][]): number[];
  }
}
