using System.Globalization;
using IQLearning.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Accounts.TwoFactor;

/// <summary>
/// The last authenticator time step each account has used, kept as an Identity user token (no schema change), and
/// whether the last check in this request was refused as a replay, so the page can say so.
/// </summary>
public sealed class UsedAuthenticatorCodes(AppDbContext db)
{
    public const string LoginProvider = "[IQLearning]";
    public const string TokenName = "AuthenticatorLastUsedStep";

    /// <summary>The code checked last in this request was right but had been used already.</summary>
    public bool RefusedAsReused { get; private set; }

    /// <summary>
    /// Records <paramref name="step"/> as used if it is later than the last one, in one conditional UPDATE (or the
    /// first INSERT, which the primary key makes unique), so two requests with the same code cannot both win.
    /// </summary>
    public async Task<bool> ClaimAsync(string userId, long step)
    {
        // Fixed width, so the text comparison in SQL orders the steps as numbers.
        var value = step.ToString("D16", CultureInfo.InvariantCulture);
        var claimed = await AdvanceAsync(userId, value) || (!await Tokens(userId).AnyAsync() && await TryInsertAsync(userId, value));
        RefusedAsReused = !claimed;
        return claimed;
    }

    private IQueryable<IdentityUserToken<string>> Tokens(string userId) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == TokenName);

    private async Task<bool> AdvanceAsync(string userId, string value) =>
        await Tokens(userId).Where(t => string.Compare(t.Value, value) < 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value)) == 1;

    private async Task<bool> TryInsertAsync(string userId, string value)
    {
        var token = new IdentityUserToken<string> { UserId = userId, LoginProvider = LoginProvider, Name = TokenName, Value = value };
        db.UserTokens.Add(token);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrent request inserted its step a moment earlier; this one counts only if its step is later.
            db.Entry(token).State = EntityState.Detached;
            return await AdvanceAsync(userId, value);
        }
    }
}
