using System.Diagnostics;
using System.Text;
using IQLearning.Tests.Support;

namespace IQLearning.Tests.Cluster;

/// <summary>One app process of the cluster: the built site started as its own process on a loopback port.</summary>
public sealed class Replica : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private Replica(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public int Port { get; }
    public string BaseUrl { get; }
    public string Log { get { lock (_log) return _log.ToString(); } }
    public bool HasExited => _process.HasExited;
    public int ProcessId => _process.Id;

    public static Replica Start(string name, IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        var chosen = port ?? SiteFactory.FreeTcpPort();
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.Combine(SiteFactory.RepositoryRoot(), "src", "IQLearning.Web"),
        };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{chosen}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Information";
        info.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(info)!;
        var replica = new Replica(process, chosen);
        process.OutputDataReceived += (_, e) => replica.Append(name, e.Data);
        process.ErrorDataReceived += (_, e) => replica.Append(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return replica;
    }

    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Replica on {Port} exited ({_process.ExitCode}):\n{Log}");
            try { if ((await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Replica on {Port} did not become healthy within {timeout}:\n{Log}");
    }

    /// <summary>SIGKILL: the process gets no chance to hand back its jobs.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    private void Append(string name, string? line)
    {
        if (line is null) return;
        lock (_log) _log.Append(name).Append(": ").AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
