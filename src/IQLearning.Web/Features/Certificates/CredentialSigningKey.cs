using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace IQLearning.Web.Features.Certificates;

/// <summary>The JOSE algorithms credentials are signed with. RS256 is the Open Badges 3.0 minimum; ES256 is smaller.</summary>
public enum SigningAlgorithm
{
    RS256,
    ES256,
}

/// <summary>
/// One private key that signs credentials. Its <see cref="KeyId"/> is the RFC 7638 JWK thumbprint of the public
/// key, so a kid can never point at the wrong key, also after export and import.
/// </summary>
public sealed class CredentialSigningKey : IDisposable
{
    private const int RsaKeySize = 3072;

    // .NET does not promise that one RSA/ECDsa instance may be used from several threads at once;
    // a singleton key set is, so every use goes through this lock.
    private readonly Lock _use = new();
    private readonly AsymmetricAlgorithm _key;

    private CredentialSigningKey(SigningAlgorithm algorithm, AsymmetricAlgorithm key)
    {
        Algorithm = algorithm;
        _key = key;
        KeyId = Thumbprint(PublicJwkMembers());
    }

    public SigningAlgorithm Algorithm { get; }
    public string KeyId { get; }

    public static CredentialSigningKey Create(SigningAlgorithm algorithm) => algorithm switch
    {
        SigningAlgorithm.RS256 => new(algorithm, RSA.Create(RsaKeySize)),
        SigningAlgorithm.ES256 => new(algorithm, ECDsa.Create(ECCurve.NamedCurves.nistP256)),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    internal static CredentialSigningKey Import(SigningAlgorithm algorithm, byte[] pkcs8)
    {
        AsymmetricAlgorithm key = algorithm switch
        {
            SigningAlgorithm.RS256 => RSA.Create(),
            SigningAlgorithm.ES256 => ECDsa.Create(),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
        };
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        if (key is RSA { KeySize: < 2048 } || key is ECDsa { KeySize: not 256 })
            throw new CryptographicException($"The imported key does not fit {algorithm}.");
        return new CredentialSigningKey(algorithm, key);
    }

    internal byte[] ExportPkcs8()
    {
        lock (_use) return _key.ExportPkcs8PrivateKey();
    }

    internal byte[] Sign(byte[] data)
    {
        lock (_use)
            return _key switch
            {
                RSA rsa => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                // JWS wants r‖s (RFC 7518 §3.4), not the DER sequence some platforms default to.
                ECDsa ec => ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                _ => throw new InvalidOperationException(),
            };
    }

    internal bool Verify(byte[] data, byte[] signature)
    {
        lock (_use)
            return _key switch
            {
                RSA rsa => rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                ECDsa ec => ec.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                _ => false,
            };
    }

    /// <summary>The public key as a JWK (RFC 7517) with kid, alg and use; never any private member.</summary>
    public JsonObject PublicJwk()
    {
        var jwk = new JsonObject();
        foreach (var (name, value) in PublicJwkMembers()) jwk[name] = value;
        jwk["kid"] = KeyId;
        jwk["alg"] = Algorithm.ToString();
        jwk["use"] = "sig";
        return jwk;
    }

    public void Dispose() => _key.Dispose();

    // The required members of the public JWK, in the lexicographic order RFC 7638 hashes them in.
    private SortedDictionary<string, string> PublicJwkMembers()
    {
        lock (_use)
            return _key switch
            {
                RSA rsa when rsa.ExportParameters(false) is var p => new(StringComparer.Ordinal)
                {
                    ["e"] = Base64Url.EncodeToString(p.Exponent!), ["kty"] = "RSA", ["n"] = Base64Url.EncodeToString(p.Modulus!),
                },
                ECDsa ec when ec.ExportParameters(false) is var p => new(StringComparer.Ordinal)
                {
                    ["crv"] = "P-256", ["kty"] = "EC", ["x"] = Base64Url.EncodeToString(p.Q.X!), ["y"] = Base64Url.EncodeToString(p.Q.Y!),
                },
                _ => throw new InvalidOperationException(),
            };
    }

    private static string Thumbprint(SortedDictionary<string, string> members)
    {
        // Members are base64url and fixed names, so no JSON escaping is needed for the canonical form.
        var canonical = "{" + string.Join(",", members.Select(m => $"\"{m.Key}\":\"{m.Value}\"")) + "}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
