// One worker of a distributed LightGBM run, started by the distributed test (twice, on 127.0.0.1):
//   LossDsl.LightGbm.Worker <machines> <localPort> <rank> <workers> <classes> <outputFile>
// It makes the test's data set (classes 1: binary), keeps its share of the rows (row % workers == rank), trains with
// the network, and writes its report (validation loss, initial scores, trees) to outputFile. It stops on its own:
// LightGBM's socket time-out bounds the wait for the other worker, and the process exits when training ends or fails.
using System.Globalization;
using LossDsl.LightGbm;
using LossDsl.LightGbm.Tests;

if (args.Length != 6)
{
    Console.Error.WriteLine("usage: LossDsl.LightGbm.Worker <machines> <localPort> <rank> <workers> <classes> <outputFile>");
    return 2;
}
string machines = args[0];
int port = int.Parse(args[1], CultureInfo.InvariantCulture);
int rank = int.Parse(args[2], CultureInfo.InvariantCulture);
int workers = int.Parse(args[3], CultureInfo.InvariantCulture);
int classes = int.Parse(args[4], CultureInfo.InvariantCulture);
string output = args[5];

var (features, labels, validFeatures, validLabels) = DistributedProblem.Make(classes);
int[] mine = Enumerable.Range(0, labels.Length).Where(i => i % workers == rank).ToArray();
float[] myFeatures = mine.SelectMany(i => features.AsSpan(i * DistributedProblem.Columns, DistributedProblem.Columns).ToArray()).ToArray();
float[] myLabels = mine.Select(i => labels[i]).ToArray();

using var train = LightGbmDataset.FromRows(myFeatures, DistributedProblem.Columns, myLabels);
using var valid = LightGbmDataset.FromRows(validFeatures, DistributedProblem.Columns, validLabels, reference: train);
var options = DistributedProblem.Options(classes) with { Network = new LightGbmNetwork(machines, port, timeoutMinutes: 1) };
using LightGbmBooster booster = DistributedProblem.Train(train, valid, options, classes);
File.WriteAllText(output, DistributedProblem.Report(booster));
return 0;
