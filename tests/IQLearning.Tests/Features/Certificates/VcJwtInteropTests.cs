using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IQLearning.Web.Features.Certificates;
using Jose;
using Base64Url = System.Buffers.Text.Base64Url;

namespace IQLearning.Tests.Features.Certificates;

/// <summary>
/// Our tokens checked by an independent JOSE library (jose-jwt) with keys rebuilt from nothing but the published
/// JWKS JSON: what a wallet or a foreign verifier would do.
/// </summary>
public class VcJwtInteropTests
{
    private readonly VcJwtSigner _signer = new(CredentialExamples.Keys);

    [Theory]
    [InlineData(SigningAlgorithm.RS256)]
    [InlineData(SigningAlgorithm.ES256)]
    public void Jose_jwt_accepts_the_signature_with_the_published_key(SigningAlgorithm algorithm)
    {
        var credential = CredentialExamples.Credential();
        var token = _signer.Sign(credential, algorithm);
        var header = JWT.Headers(token);

        var payload = JsonNode.Parse(JWT.Decode(token, PublicKey((string)header["kid"])))!.AsObject();

        Assert.Equal(algorithm.ToString(), header["alg"]);
        Assert.Equal("JWT", header["typ"]);
        Assert.True(JsonNode.DeepEquals(credential, payload["vc"]));
    }

    [Fact]
    public void Claims_repeat_issuer_id_subject_and_validity_of_the_credential()
    {
        var certificate = CertificateExamples.German();
        var credential = CredentialExamples.Credential(certificate);
        var token = _signer.Sign(credential);

        var payload = JsonNode.Parse(JWT.Decode(token, PublicKey((string)JWT.Headers(token)["kid"])))!.AsObject();

        Assert.Equal(CredentialExamples.Issuer.Id.AbsoluteUri, payload["iss"]!.GetValue<string>());
        Assert.Equal(certificate.VerificationUrl.AbsoluteUri, payload["jti"]!.GetValue<string>());
        Assert.Equal(CredentialExamples.Recipient().Id!.AbsoluteUri, payload["sub"]!.GetValue<string>());
        Assert.Equal(certificate.IssuedAt.ToUnixTimeSeconds(), payload["nbf"]!.GetValue<long>());
        Assert.Equal(certificate.ValidUntil!.Value.ToUnixTimeSeconds(), payload["exp"]!.GetValue<long>());
    }

    [Fact]
    public void Credential_without_expiry_has_no_exp_claim()
    {
        var token = _signer.Sign(CredentialExamples.Credential(CertificateExamples.German() with { ValidUntil = null }));

        var payload = JsonNode.Parse(JWT.Payload(token))!.AsObject();

        Assert.False(payload.ContainsKey("exp"));
    }

    [Theory]
    [InlineData(SigningAlgorithm.RS256)]
    [InlineData(SigningAlgorithm.ES256)]
    public void Jose_jwt_refuses_a_token_whose_payload_was_changed(SigningAlgorithm algorithm)
    {
        var token = _signer.Sign(CredentialExamples.Credential(), algorithm);

        var forged = VcJwtForgery.WithChangedHolderName(token);

        Assert.ThrowsAny<JoseException>(() => JWT.Decode(forged, PublicKey((string)JWT.Headers(token)["kid"])));
    }

    [Theory]
    [InlineData(SigningAlgorithm.RS256)]
    [InlineData(SigningAlgorithm.ES256)]
    public void Jose_jwt_refuses_a_token_whose_signature_was_changed(SigningAlgorithm algorithm)
    {
        var token = _signer.Sign(CredentialExamples.Credential(), algorithm);

        var forged = VcJwtForgery.WithFlippedSignatureBit(token);

        Assert.ThrowsAny<JoseException>(() => JWT.Decode(forged, PublicKey((string)JWT.Headers(token)["kid"])));
    }

    [Fact]
    public void Jose_jwt_reads_the_published_jwks_as_a_key_set()
    {
        var keySet = JwkSet.FromJson(CredentialExamples.Keys.PublishJwks(), JWT.DefaultSettings.JsonMapper);
        var token = _signer.Sign(CredentialExamples.Credential(), SigningAlgorithm.ES256);
        var kid = (string)JWT.Headers(token)["kid"];

        var jwk = Assert.Single(keySet.Keys, k => k.KeyId == kid);

        Assert.NotNull(JWT.Decode(token, jwk));
    }

    // Built from the JWKS JSON alone, with .NET's primitives, not with anything of ours.
    private static object PublicKey(string kid)
    {
        var jwk = JsonNode.Parse(CredentialExamples.Keys.PublishJwks())!["keys"]!.AsArray()
            .Single(k => k!["kid"]!.GetValue<string>() == kid)!;
        byte[] Member(string name) => Base64Url.DecodeFromChars(jwk[name]!.GetValue<string>());
        return jwk["kty"]!.GetValue<string>() switch
        {
            "RSA" => RSA.Create(new RSAParameters { Modulus = Member("n"), Exponent = Member("e") }),
            "EC" => ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = Member("x"), Y = Member("y") } }),
            var kty => throw new InvalidOperationException(kty),
        };
    }
}

/// <summary>What an attacker would try on a token: change the content, or the signature.</summary>
internal static class VcJwtForgery
{
    public static string WithChangedHolderName(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["vc"]!["name"] = "Zertifikat für jemand anderen";
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
    }

    public static string WithFlippedSignatureBit(string token)
    {
        var parts = token.Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[signature.Length / 2] ^= 0x01;
        return $"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}";
    }
}
