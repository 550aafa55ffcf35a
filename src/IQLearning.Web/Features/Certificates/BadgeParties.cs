using System.Security.Cryptography;
using System.Text;

namespace IQLearning.Web.Features.Certificates;

/// <summary>The issuer profile of a credential: the specialist unit, with an id URL that describes it.</summary>
public sealed record BadgeIssuer(Uri Id, string Name, Uri? Url = null, string? Email = null);

/// <summary>
/// Who the credential is about. Open Badges 3.0 needs an <c>id</c> or at least one identifier; we give a salted
/// SHA-256 of the e-mail address rather than the address, so the badge does not publish it, and the holder can
/// still prove it is theirs by revealing address and salt.
/// </summary>
public sealed record BadgeRecipient
{
    private BadgeRecipient(Uri? id, string? salt, string? emailHash)
    {
        Id = id;
        Salt = salt;
        EmailHash = emailHash;
    }

    /// <summary>The subject's id (becomes the JWT <c>sub</c>), e.g. a DID or a pseudonymous URN.</summary>
    public Uri? Id { get; }
    public string? Salt { get; }
    /// <summary><c>sha256$</c> + hex of SHA-256(address + salt), the IdentityHash form of the spec.</summary>
    public string? EmailHash { get; }

    public static BadgeRecipient WithId(Uri id) => new(id, null, null);

    /// <summary>
    /// The address is trimmed and lower-cased before hashing, as wallets do, so that a verifier who types
    /// "Zofia@Example.org" gets the same hash.
    /// </summary>
    public static BadgeRecipient WithHashedEmail(string email, string salt, Uri? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(salt);
        return new(id, salt, HashEmail(email, salt));
    }

    /// <summary>A fresh salt to store with the certificate: 128 random bits as hex.</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string HashEmail(string email, string salt) =>
        "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant() + salt)));
}
