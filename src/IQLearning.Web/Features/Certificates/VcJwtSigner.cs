using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace IQLearning.Web.Features.Certificates;

/// <summary>
/// Signs a credential as a VC-JWT (compact JWS): header alg/kid/typ, registered claims iss, sub, jti, nbf and exp
/// taken from the credential, and the credential itself in the <c>vc</c> claim.
/// </summary>
public sealed class VcJwtSigner(CredentialSigningKeys keys)
{
    public string Sign(JsonObject credential, SigningAlgorithm algorithm = SigningAlgorithm.RS256)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var key = keys.SigningKey(algorithm);
        var header = new JsonObject { ["alg"] = algorithm.ToString(), ["kid"] = key.KeyId, ["typ"] = "JWT" };
        var claims = VcJwtClaims.From(credential);
        var payload = new JsonObject
        {
            ["iss"] = claims.Issuer,
            ["jti"] = claims.Id,
            ["nbf"] = claims.NotBefore.ToUnixTimeSeconds(),
        };
        if (claims.Subject is { } sub) payload["sub"] = sub;
        if (claims.Expires is { } exp) payload["exp"] = exp.ToUnixTimeSeconds();
        payload["vc"] = credential.DeepClone();

        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var signature = key.Sign(Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}

/// <summary>The JWT claims a credential implies (VC-JWT: iss = issuer.id, jti = id, sub = credentialSubject.id, …).</summary>
internal sealed record VcJwtClaims(string Issuer, string Id, string? Subject, DateTimeOffset NotBefore, DateTimeOffset? Expires)
{
    public static VcJwtClaims From(JsonObject credential)
    {
        var issuer = credential["issuer"] switch
        {
            JsonValue uri => uri.GetValue<string>(),
            JsonObject profile => Text(profile, "id"),
            _ => throw Missing("issuer"),
        };
        var subject = credential["credentialSubject"] as JsonObject ?? throw Missing("credentialSubject");
        return new VcJwtClaims(
            issuer,
            Text(credential, "id"),
            subject["id"]?.GetValue<string>(),
            Time(credential, "validFrom") ?? throw Missing("validFrom"),
            Time(credential, "validUntil"));
    }

    private static string Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : throw Missing(name);

    private static DateTimeOffset? Time(JsonObject json, string name) =>
        json[name] is null ? null
            : DateTimeOffset.Parse(Text(json, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static ArgumentException Missing(string name) => new($"The credential has no usable '{name}'.", "credential");
}
