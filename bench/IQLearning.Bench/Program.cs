using IQLearning.Bench;

// One command a benchmark: `dotnet run -c Release --project bench/IQLearning.Bench -- <command> [--iterations N]`.
var command = args.FirstOrDefault();
var iterations = args.SkipWhile(a => a != "--iterations").Skip(1).Select(int.Parse).FirstOrDefault(200);

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
    default:
        Console.Error.WriteLine("usage: IQLearning.Bench certificates|issuing [--iterations N] | certificate-mails");
        return 2;
}
