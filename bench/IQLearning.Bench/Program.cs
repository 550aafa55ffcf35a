using IQLearning.Bench;

// One command a benchmark: `dotnet run -c Release --project bench/IQLearning.Bench -- <command> [--iterations N]`.
// The learning benchmark's baselines are started by bench/learning/run.sh: `bare-endpoint` and `sqlite-commits`.
var command = args.FirstOrDefault();
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var iterations = int.Parse(Option("--iterations") ?? "200");

switch (command)
{
    case "certificates":
        CertificateBenchmark.Run(iterations, warmUp: 20, Console.Out);
        return 0;
    case "issuing":
        await IssuingBenchmark.RunAsync(iterations, warmUp: 20, Console.Out);
        return 0;
    case "certificate-mails":
        await CertificateMailBenchmark.RunAsync(mails: 1000, Console.Out);
        return 0;
    case "bare-endpoint" when Option("--port") is { } port && Option("--file") is { } file:
        await LearningBaselines.ServeBareAsync(int.Parse(port), file, Option("--keys"));
        return 0;
    case "sqlite-commits" when Option("--dir") is { } dir:
        LearningBaselines.MeasureCommits(dir, int.Parse(Option("--seconds") ?? "10"), Console.Out);
        return 0;
    default:
        Console.Error.WriteLine("usage: IQLearning.Bench certificates|issuing [--iterations N] | certificate-mails\n" +
                                "       IQLearning.Bench bare-endpoint --port N --file PAGE.html [--keys SITE-DATA/keys]\n" +
                                "       IQLearning.Bench sqlite-commits --dir DIR [--seconds N]");
        return 2;
}
