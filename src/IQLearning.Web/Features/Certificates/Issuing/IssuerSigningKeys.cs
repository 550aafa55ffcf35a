using System.Security.Cryptography;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Certificates.Model;
using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Certificates.Issuing;

/// <summary>
/// The platform's credential signing keys, read once from the oldest <see cref="SigningKeyRing"/> row and kept for the
/// life of the process. Every replica reads the same row, so all of them sign and verify with the same keys.
/// </summary>
public sealed class IssuerSigningKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection) : IDisposable
{
    public const string ProtectorPurpose = "IQLearning.Certificates.SigningKeys";

    private readonly Lock _loading = new();
    private CredentialSigningKeys? _keys;

    public CredentialSigningKeys Current
    {
        get
        {
            if (_keys is { } loaded) return loaded;
            lock (_loading) return _keys ??= Load();
        }
    }

    internal IDataProtector Protector => protection.CreateProtector(ProtectorPurpose);

    public void Dispose() => _keys?.Dispose();

    private CredentialSigningKeys Load()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ring = db.SigningKeyRings.AsNoTracking().OrderBy(r => r.Id).FirstOrDefault()
            ?? throw new InvalidOperationException("No signing keys are stored; the startup task CreateSigningKeys has not run.");
        byte[] blob;
        try { blob = Protector.Unprotect(ring.ProtectedKeys); }
        catch (CryptographicException e)
        {
            // Never replace the keys silently: every credential issued so far would stop verifying.
            throw new InvalidOperationException(
                "The credential signing keys cannot be decrypted: the ASP.NET Core Data Protection keys they were protected with " +
                "are not available to this process (persist and share the Data Protection key ring).", e);
        }
        try { return CredentialSigningKeys.Import(blob); }
        finally { CryptographicOperations.ZeroMemory(blob); }
    }
}

/// <summary>Creates the signing keys at the first start; later starts find them and do nothing.</summary>
internal sealed class CreateSigningKeys(AppDbContext db, IssuerSigningKeys keys, TimeProvider clock, ILogger<CreateSigningKeys> logger) : IStartupTask
{
    public int Order => 40;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await db.SigningKeyRings.AnyAsync(cancellationToken))
        {
            using var fresh = CredentialSigningKeys.CreateNew();
            var blob = fresh.Export();
            try
            {
                db.SigningKeyRings.Add(new SigningKeyRing { ProtectedKeys = keys.Protector.Protect(blob), CreatedAt = clock.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync(cancellationToken);
            }
            finally { CryptographicOperations.ZeroMemory(blob); }
            logger.LogInformation("Created the credential signing keys.");
        }
        // Load now, so that keys that cannot be decrypted stop the start instead of the first certificate.
        _ = keys.Current;
    }
}
