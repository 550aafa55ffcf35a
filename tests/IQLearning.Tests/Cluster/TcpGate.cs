using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace IQLearning.Tests.Cluster;

/// <summary>
/// A loopback TCP relay in front of a server (PostgreSQL, Redis) that the test can close and open again. Closed, it
/// resets every open connection and refuses new ones — to the replicas the server is gone, as when it stops — while
/// the server itself and everything else using it (other tests, the test's own queries) carry on untouched.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public TcpGate(string host, int port)
    {
        _target = new IPEndPoint(IPAddress.Parse(host), port);
        Port = Support.SiteFactory.FreeTcpPort();
        Open();
    }

    /// <summary>The loopback port to connect to instead of the server's.</summary>
    public int Port { get; }

    public void Open()
    {
        if (_listener is not null) return;
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public void Close()
    {
        if (_listener is null) return;
        _stop.Cancel();
        _listener.Stop();
        _listener = null;
        foreach (var socket in _open.Keys) Reset(socket);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await listener.AcceptSocketAsync(stop); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = RelayAsync(client, stop);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken stop)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(_target, stop);
            await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
        finally
        {
            Reset(client);
            Reset(server);
        }
    }

    private static async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
    }

    private void Reset(Socket socket)
    {
        if (!_open.TryRemove(socket, out _)) return;
        try { socket.LingerState = new LingerOption(true, 0); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        socket.Dispose(); // linger 0: the peer sees a reset, not an orderly close
    }

    public ValueTask DisposeAsync()
    {
        Close();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
