namespace IQLearning.Web.Features.Notifications;

/// <summary>How long a failed mail waits before the next try: 1, 2, 4 … minutes, at most six hours.</summary>
public static class Backoff
{
    public static readonly TimeSpan Max = TimeSpan.FromHours(6);

    public static TimeSpan AfterAttempt(int attempts)
    {
        if (attempts < 1) return TimeSpan.Zero;
        var minutes = Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromMinutes(Math.Min(minutes, Max.TotalMinutes));
    }
}
