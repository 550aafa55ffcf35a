using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Accounts;

/// <summary>The first administrator, from configuration (Admin__Email, Admin__Password). Nothing is created when unset.</summary>
public sealed class AdminBootstrapOptions
{
    public const string Section = "Admin";
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "Administrator";
}

/// <summary>Creates an administrator, or gives an existing account the role; shared by start-up and the CLI.</summary>
public sealed class AdministratorAccount(UserManager<ApplicationUser> users, TimeProvider clock)
{
    public async Task<IdentityResult> EnsureAsync(string email, string? password, string displayName)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            if (string.IsNullOrEmpty(password))
                return IdentityResult.Failed(new IdentityError { Code = "PasswordRequired", Description = "A password is required for a new administrator." });
            user = ApplicationUser.Confirmed(email, displayName, clock.GetUtcNow().UtcDateTime);
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return created;
        }
        foreach (var role in new[] { Roles.Administrator, Roles.Learner })
            if (!await users.IsInRoleAsync(user, role))
            {
                var added = await users.AddToRoleAsync(user, role);
                if (!added.Succeeded) return added;
            }
        return IdentityResult.Success;
    }
}

internal sealed class BootstrapAdministrator(
    IOptions<AdminBootstrapOptions> options, AdministratorAccount accounts, ILogger<BootstrapAdministrator> logger) : IStartupTask
{
    public int Order => 20;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Email)) return;
        var result = await accounts.EnsureAsync(o.Email, o.Password, o.DisplayName);
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Admin:Email '{o.Email}': the administrator could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        logger.LogInformation("Administrator account {Email} is ready.", o.Email);
    }
}

/// <summary>`create-admin EMAIL [DISPLAY NAME]`; the password is read from the first line of standard input.</summary>
internal sealed class CreateAdminCommand(AdministratorAccount accounts) : ISiteCommand
{
    public string Name => "create-admin";
    public string Usage => "create-admin EMAIL [DISPLAY NAME]   (password on standard input)";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0 || !arguments[0].Contains('@'))
        {
            await output.WriteLineAsync($"usage: {Usage}");
            return 2;
        }
        var password = (await input.ReadLineAsync(cancellationToken))?.Trim();
        var displayName = arguments.Count > 1 ? string.Join(' ', arguments.Skip(1)) : "Administrator";
        var result = await accounts.EnsureAsync(arguments[0], password, displayName);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) await output.WriteLineAsync($"error: {error.Description}");
            return 1;
        }
        await output.WriteLineAsync($"{arguments[0]} is an administrator.");
        return 0;
    }
}

/// <summary>
/// `create-user EMAIL [DISPLAY NAME]`: a confirmed learner account, password on standard input — for operators who
/// set up accounts for a live training, and for benchmarks that need an account without a second factor.
/// </summary>
internal sealed class CreateUserCommand(UserManager<ApplicationUser> users, TimeProvider clock) : ISiteCommand
{
    public string Name => "create-user";
    public string Usage => "create-user EMAIL [DISPLAY NAME]   (password on standard input)";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0 || !arguments[0].Contains('@'))
        {
            await output.WriteLineAsync($"usage: {Usage}");
            return 2;
        }
        var email = arguments[0];
        if (await users.FindByEmailAsync(email) is not null)
        {
            await output.WriteLineAsync($"error: {email} already has an account.");
            return 1;
        }
        var password = (await input.ReadLineAsync(cancellationToken))?.Trim() ?? "";
        var user = ApplicationUser.Confirmed(email, arguments.Count > 1 ? string.Join(' ', arguments.Skip(1)) : email,
            clock.GetUtcNow().UtcDateTime);
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Learner);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) await output.WriteLineAsync($"error: {error.Description}");
            if (user.Id is not null && await users.FindByIdAsync(user.Id) is { } half) await users.DeleteAsync(half);
            return 1;
        }
        await output.WriteLineAsync($"{email} is a learner.");
        return 0;
    }
}
