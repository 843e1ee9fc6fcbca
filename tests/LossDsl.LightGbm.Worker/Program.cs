// One worker of a distributed LightGBM run, started by the distributed test (twice, on 127.0.0.1):
//   LossDsl.LightGbm.Worker <machines> <localPort> <rank> <workers> <outputFile>
// It makes the test's data set, keeps its share of the rows (row % workers == rank), trains with the network, and
// writes the model's trees and its validation loss to outputFile. It stops on its own: LightGBM's socket time-out
// bounds the wait for the other worker, and the process exits when training ends or fails.
using System.Globalization;
using LossDsl;
using LossDsl.LightGbm;
using LossDsl.LightGbm.Tests;

if (args.Length != 5)
{
    Console.Error.WriteLine("usage: LossDsl.LightGbm.Worker <machines> <localPort> <rank> <workers> <outputFile>");
    return 2;
}
string machines = args[0];
int port = int.Parse(args[1], CultureInfo.InvariantCulture);
int rank = int.Parse(args[2], CultureInfo.InvariantCulture);
int workers = int.Parse(args[3], CultureInfo.InvariantCulture);
string output = args[4];

var (features, labels, validFeatures, validLabels) = DistributedProblem.Make();
int[] mine = Enumerable.Range(0, labels.Length).Where(i => i % workers == rank).ToArray();
float[] myFeatures = mine.SelectMany(i => features.AsSpan(i * DistributedProblem.Columns, DistributedProblem.Columns).ToArray()).ToArray();
float[] myLabels = mine.Select(i => labels[i]).ToArray();

using var train = LightGbmDataset.FromRows(myFeatures, DistributedProblem.Columns, myLabels);
using var valid = LightGbmDataset.FromRows(validFeatures, DistributedProblem.Columns, validLabels, reference: train);
var options = DistributedProblem.Options with { Network = new LightGbmNetwork(machines, port, timeoutMinutes: 1) };
using LightGbmBooster booster = LightGbmTrainer.Train(train, DistributedProblem.Loss, options, valid);

double validLoss = booster.History[booster.BestIteration - 1].ValidationLoss!.Value;
File.WriteAllText(output, string.Join('\n',
    validLoss.ToString("R", CultureInfo.InvariantCulture),
    booster.InitialScores[0].ToString("R", CultureInfo.InvariantCulture),
    DistributedProblem.Trees(booster.SaveModel())));
return 0;
