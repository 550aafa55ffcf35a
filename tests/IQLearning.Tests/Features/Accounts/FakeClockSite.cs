using IQLearning.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IQLearning.Tests.Features.Accounts;

/// <summary>
/// The site with a clock the test moves: cookie authentication, the security-stamp check and the session
/// features read TimeProvider. (Identity's TOTP and lockout read the system clock, so codes stay real.)
/// </summary>
public sealed class FakeClockSite : SiteFactory
{
    public FakeClockSite() => WithServices(services => services.AddSingleton<TimeProvider>(Clock));

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
}
