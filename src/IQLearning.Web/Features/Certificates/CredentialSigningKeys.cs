using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IQLearning.Web.Features.Certificates;

/// <summary>
/// The issuer's keys: the newest key of each algorithm signs, all of them verify, so credentials signed before a
/// rotation stay verifiable. <see cref="Export"/> gives the private keys as one blob for the host to encrypt
/// (ASP.NET Data Protection) and store; <see cref="PublishJwks"/> gives what the issuer publishes.
/// </summary>
public sealed class CredentialSigningKeys : IDisposable
{
    private const int BlobVersion = 1;
    private readonly List<CredentialSigningKey> _keys;

    private CredentialSigningKeys(List<CredentialSigningKey> keys) => _keys = keys;

    /// <summary>All keys, oldest first.</summary>
    public IReadOnlyList<CredentialSigningKey> All => _keys;

    /// <summary>A new set with one RSA 3072 (RS256) and one P-256 (ES256) key.</summary>
    public static CredentialSigningKeys CreateNew() =>
        new([CredentialSigningKey.Create(SigningAlgorithm.RS256), CredentialSigningKey.Create(SigningAlgorithm.ES256)]);

    /// <summary>
    /// A copy of this set with a fresh key of each algorithm added; the new keys sign from now on, the old ones
    /// only verify. The caller stores the new set's <see cref="Export"/> and disposes the old set.
    /// </summary>
    public CredentialSigningKeys WithNewKeys()
    {
        using var copy = Import(Export());
        using var fresh = CreateNew();
        return new CredentialSigningKeys([.. copy.TakeOwnership(), .. fresh.TakeOwnership()]);
    }

    public CredentialSigningKey SigningKey(SigningAlgorithm algorithm) =>
        _keys.LastOrDefault(k => k.Algorithm == algorithm)
        ?? throw new InvalidOperationException($"There is no {algorithm} key to sign with.");

    public CredentialSigningKey? Find(string keyId) => _keys.FirstOrDefault(k => k.KeyId == keyId);

    /// <summary>The private keys, PKCS#8, as UTF-8 JSON. Secret: protect it before it leaves memory.</summary>
    public byte[] Export()
    {
        var keys = _keys.Select(k => new ExportedKey(k.KeyId, k.Algorithm.ToString(), k.ExportPkcs8())).ToList();
        try { return JsonSerializer.SerializeToUtf8Bytes(new ExportedKeys(BlobVersion, keys)); }
        finally { keys.ForEach(k => CryptographicOperations.ZeroMemory(k.Pkcs8)); } // leave no loose copies of the keys
    }

    /// <summary>Reads what <see cref="Export"/> wrote; each key must still match its kid.</summary>
    public static CredentialSigningKeys Import(byte[] blob)
    {
        var exported = JsonSerializer.Deserialize<ExportedKeys>(blob)
            ?? throw new CryptographicException("The key blob is empty.");
        if (exported.Version != BlobVersion || exported.Keys is not { Count: > 0 })
            throw new CryptographicException($"The key blob has version {exported.Version} or no keys; expected version {BlobVersion}.");
        var keys = new List<CredentialSigningKey>();
        try
        {
            foreach (var k in exported.Keys) keys.Add(ImportKey(k));
            return new CredentialSigningKeys(keys);
        }
        catch
        {
            keys.ForEach(k => k.Dispose());
            throw;
        }
    }

    /// <summary>The public keys as a JWK Set (RFC 7517 §5), to publish where verifiers fetch keys by kid.</summary>
    public string PublishJwks()
    {
        var keys = new JsonArray(_keys.Select(k => (JsonNode)k.PublicJwk()).ToArray());
        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    public void Dispose() => _keys.ForEach(k => k.Dispose());

    private static CredentialSigningKey ImportKey(ExportedKey exported)
    {
        if (!Enum.TryParse<SigningAlgorithm>(exported.Alg, out var algorithm))
            throw new CryptographicException($"Unknown algorithm '{exported.Alg}' in the key blob.");
        var key = CredentialSigningKey.Import(algorithm, exported.Pkcs8);
        CryptographicOperations.ZeroMemory(exported.Pkcs8);
        if (key.KeyId == exported.Kid) return key;
        key.Dispose();
        throw new CryptographicException($"The key stored as {exported.Kid} has the thumbprint {key.KeyId}.");
    }

    // Moves the keys out so that disposing this (now empty) set does not dispose them.
    private List<CredentialSigningKey> TakeOwnership()
    {
        var keys = _keys.ToList();
        _keys.Clear();
        return keys;
    }

    private sealed record ExportedKeys(int Version, List<ExportedKey> Keys);

    private sealed record ExportedKey(string Kid, string Alg, byte[] Pkcs8);
}
