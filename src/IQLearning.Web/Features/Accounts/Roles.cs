using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace IQLearning.Web.Features.Accounts;

public static class Roles
{
    public const string Learner = "Learner";
    public const string Manager = "Manager";
    public const string Author = "Author";
    public const string Reviewer = "Reviewer";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Learner, Manager, Author, Reviewer, Administrator];
}

/// <summary>Makes sure the five roles exist.</summary>
internal sealed class SeedRoles(RoleManager<IdentityRole> roles) : IStartupTask
{
    public int Order => 10;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
