using IQLearning.Web.Features.Learning;

namespace IQLearning.Tests.Features.Learning;

public sealed class TimeOnTaskTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_first_beat_only_starts_the_clock() => Assert.Equal(0, TimeOnTask.SecondsToAdd(null, Now));

    [Fact]
    public void A_beat_adds_the_real_time_since_the_previous_one() =>
        Assert.Equal(30, TimeOnTask.SecondsToAdd(Now.AddSeconds(-30), Now));

    [Fact]
    public void A_beat_after_a_long_pause_adds_at_most_the_cap() =>
        Assert.Equal(TimeOnTask.CapSeconds, TimeOnTask.SecondsToAdd(Now.AddHours(-3), Now));

    [Fact]
    public void Beats_in_quick_succession_add_only_the_time_that_passed() =>
        Assert.Equal(0, TimeOnTask.SecondsToAdd(Now.AddMilliseconds(-200), Now));

    [Fact]
    public void A_clock_going_backwards_adds_nothing() => Assert.Equal(0, TimeOnTask.SecondsToAdd(Now.AddSeconds(5), Now));
}
