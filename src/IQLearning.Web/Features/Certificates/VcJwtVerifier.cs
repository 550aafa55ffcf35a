using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IQLearning.Web.Features.Certificates;

public enum VcJwtStatus
{
    Valid,
    /// <summary>Not a credential we signed, or altered since: malformed, unknown key, bad signature, claims that contradict the credential.</summary>
    Invalid,
    Expired,
    Revoked,
    NotYetValid,
}

/// <summary>
/// The outcome of a check. <see cref="Credential"/> is set whenever the signature held (also for Expired, Revoked
/// and NotYetValid, so a page can say what it was), and never for Invalid: unsigned content is not shown.
/// </summary>
public sealed record VcJwtVerification(VcJwtStatus Status, string Reason, JsonObject? Credential = null)
{
    public bool IsValid => Status == VcJwtStatus.Valid;
}

/// <summary>Checks a VC-JWT from <see cref="VcJwtSigner"/>: signature by kid, claims, revocation, validity window.</summary>
public sealed class VcJwtVerifier(CredentialSigningKeys keys, TimeProvider clock)
{
    /// <param name="isRevoked">Asked with the credential id (the JWT's jti) once the signature holds.</param>
    public async ValueTask<VcJwtVerification> VerifyAsync(
        string jwt, Func<string, CancellationToken, ValueTask<bool>> isRevoked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isRevoked);
        if (Decode(jwt) is not { } token) return Invalid("The token is not a compact JWS with a JSON header and payload.");
        if (CheckSignature(token) is { } signatureProblem) return Invalid(signatureProblem);
        if (CheckClaims(token.Payload) is { } claimsProblem) return Invalid(claimsProblem);

        var credential = (JsonObject)token.Payload["vc"]!;
        var claims = VcJwtClaims.From(credential);
        var now = clock.GetUtcNow();
        if (await isRevoked(claims.Id, cancellationToken))
            return new(VcJwtStatus.Revoked, "The issuer has revoked this credential.", credential);
        if (now < claims.NotBefore)
            return new(VcJwtStatus.NotYetValid, $"The credential is valid from {claims.NotBefore:u}.", credential);
        if (claims.Expires is { } expires && now >= expires)
            return new(VcJwtStatus.Expired, $"The credential expired at {expires:u}.", credential);
        return new(VcJwtStatus.Valid, "The signature holds and the credential is in force.", credential);
    }

    private string? CheckSignature(DecodedJwt token)
    {
        var alg = token.Header["alg"]?.GetValueKind() == JsonValueKind.String ? token.Header["alg"]!.GetValue<string>() : null;
        var kid = token.Header["kid"]?.GetValueKind() == JsonValueKind.String ? token.Header["kid"]!.GetValue<string>() : null;
        if (alg is null || kid is null) return "The header needs alg and kid.";
        if (keys.Find(kid) is not { } key) return $"No key with kid '{kid}'.";
        // The key decides the algorithm; a header that asks for another one (or "none") is refused.
        if (alg != key.Algorithm.ToString()) return $"The header says {alg}, key {kid} is {key.Algorithm}.";
        return key.Verify(token.SigningInput, token.Signature) ? null : "The signature does not match.";
    }

    private static string? CheckClaims(JsonObject payload)
    {
        if (payload["vc"] is not JsonObject credential) return "The payload has no vc credential.";
        VcJwtClaims claims;
        try { claims = VcJwtClaims.From(credential); }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        { return e.Message; }

        // The claims are what JWT libraries check; they must say the same as the credential inside.
        if (Text(payload, "iss") != claims.Issuer) return "iss differs from the credential's issuer.";
        if (Text(payload, "jti") != claims.Id) return "jti differs from the credential's id.";
        if (Text(payload, "sub") != claims.Subject) return "sub differs from the credential subject's id.";
        if (Seconds(payload, "nbf") != claims.NotBefore.ToUnixTimeSeconds()) return "nbf differs from validFrom.";
        if (Seconds(payload, "exp") != claims.Expires?.ToUnixTimeSeconds()) return "exp differs from validUntil.";
        return null;
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long? Seconds(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    private static DecodedJwt? Decode(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            return ParseObject(parts[0]) is { } header && ParseObject(parts[1]) is { } payload
                ? new DecodedJwt(header, payload, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]))
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static JsonObject? ParseObject(string part)
    {
        if (JsonNode.Parse(Base64Url.DecodeFromChars(part)) is not JsonObject json) return null;
        // JsonObject reads its properties lazily; touching Count makes a duplicate name fail here, inside the try.
        _ = json.Count;
        return json;
    }

    private static VcJwtVerification Invalid(string reason) => new(VcJwtStatus.Invalid, reason);

    private sealed record DecodedJwt(JsonObject Header, JsonObject Payload, byte[] SigningInput, byte[] Signature);
}
