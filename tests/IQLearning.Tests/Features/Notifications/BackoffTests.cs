using IQLearning.Web.Features.Notifications;

namespace IQLearning.Tests.Features.Notifications;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(9, 256)]
    public void Each_failure_doubles_the_wait(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Backoff.AfterAttempt(attempts));

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    public void The_wait_never_exceeds_six_hours(int attempts) => Assert.Equal(Backoff.Max, Backoff.AfterAttempt(attempts));

    [Fact]
    public void Before_any_failure_there_is_no_wait() => Assert.Equal(TimeSpan.Zero, Backoff.AfterAttempt(0));
}
