using Xunit.Abstractions;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LossDsl.LightGbm.Tests;

/// <summary>
/// Two worker processes on 127.0.0.1 train one model over LightGBM's own network (data-parallel), each with half of
/// the rows: both end with the same model, as good as training on one machine.
/// </summary>
public class DistributedTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_limit = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData(1)] // binary: BCE with logits
    [InlineData(3)] // three classes: softmax cross-entropy through the Hessian diagonal
    public void Two_workers_with_half_of_the_rows_each_end_with_the_same_model_as_good_as_one_machine(int classes)
    {
        int[] ports = FreePorts(2);
        string machines = string.Join(',', ports.Select(p => "127.0.0.1:" + p.ToString(CultureInfo.InvariantCulture)));
        string directory = Directory.CreateTempSubdirectory("lossdsl-lightgbm-").FullName;
        try
        {
            var workers = ports.Select((port, rank) => StartWorker(machines, port, rank, classes, Path.Combine(directory, $"worker{rank}.txt"))).ToArray();
            foreach (var (process, log) in workers)
            {
                bool exited = process.WaitForExit(s_limit);
                if (!exited) process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Assert.True(exited, $"a worker ran past {s_limit}: {log}");
                Assert.True(process.ExitCode == 0, $"a worker failed ({process.ExitCode}): {log}");
            }
            string[][] results = Enumerable.Range(0, 2).Select(r => File.ReadAllText(Path.Combine(directory, $"worker{r}.txt")).Split('\n', 3)).ToArray();
            Assert.Equal(results[0][1], results[1][1]); // the same initial scores, bit for bit
            Assert.Equal(results[0][2], results[1][2]); // the same trees
            double distributedLoss = double.Parse(results[0][0], CultureInfo.InvariantCulture);

            var (x, y, vx, vy) = DistributedProblem.Make(classes);
            using var train = LightGbmDataset.FromRows(x, DistributedProblem.Columns, y);
            using var valid = LightGbmDataset.FromRows(vx, DistributedProblem.Columns, vy, reference: train);
            using LightGbmBooster single = DistributedProblem.Train(train, valid, DistributedProblem.Options(classes), classes);
            double singleLoss = single.History[single.BestIteration - 1].ValidationLoss!.Value;
            output.WriteLine($"{classes} class(es), validation loss: two workers {distributedLoss:R}, one machine {singleLoss:R}");
            output.WriteLine($"initial scores: two workers {results[0][1]}, one machine {string.Join(',', single.InitialScores)}; best iterations: one machine {single.BestIteration}");
            Assert.True(Math.Abs(distributedLoss - singleLoss) <= 0.01 * singleLoss, $"distributed {distributedLoss}, one machine {singleLoss}");
            // The agreed initial scores are the optimum over all rows: the one-machine run's (for several classes, up
            // to the shift softmax ignores: compare differences between classes).
            double[] agreed = results[0][1].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(single.InitialScores.Count, agreed.Length);
            for (int k = 0; k < agreed.Length; k++)
            {
                double expected = single.InitialScores[k] - (classes == 1 ? 0 : single.InitialScores[0]), actual = agreed[k] - (classes == 1 ? 0 : agreed[0]);
                Assert.Equal(expected, actual, 1e-5);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (Process Process, StringWriter Log) StartWorker(string machines, int port, int rank, int classes, string output)
    {
        string worker = Path.Combine(AppContext.BaseDirectory, "LossDsl.LightGbm.Worker.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "exec", worker, machines, port.ToString(CultureInfo.InvariantCulture), rank.ToString(CultureInfo.InvariantCulture), "2", classes.ToString(CultureInfo.InvariantCulture), output })
        {
            start.ArgumentList.Add(arg);
        }
        var log = new StringWriter();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, log);
    }

    // Ports the system hands out as free now; LightGBM binds them a moment later.
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners) listener.Start();
        int[] ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners) listener.Stop();
        return ports;
    }
}
