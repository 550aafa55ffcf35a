using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Media;

/// <summary>The site with small upload limits, so "too large" needs only a few kilobytes.</summary>
public sealed class MediaSite : SiteFactory
{
    public const int MaxUploadBytes = 4096;
    public const int MaxVideoBytes = 8192;

    public MediaSite() : base(startSmtp: false, useSmtp: false)
    {
        WithSetting("Media:MaxUploadBytes", MaxUploadBytes.ToString());
        WithSetting("Media:MaxVideoBytes", MaxVideoBytes.ToString());
    }

    public string MediaDirectory => Path.Combine(DataDirectory, "media");

    /// <summary>A specialist unit with the given users as members.</summary>
    public async Task<int> UnitAsync(params string[] memberIds)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var slug = "unit-" + Guid.NewGuid().ToString("N")[..8];
        var unit = new SpecialistUnit { Slug = slug, Name = "Fachstelle " + slug };
        db.SpecialistUnits.Add(unit);
        await db.SaveChangesAsync();
        foreach (var userId in memberIds) db.UnitMemberships.Add(new UnitMembership { UnitId = unit.Id, UserId = userId });
        await db.SaveChangesAsync();
        return unit.Id;
    }

    public T Query<T>(Func<AppDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

/// <summary>Posts the upload form the way a browser does: multipart, antiforgery token first.</summary>
public static class MediaUpload
{
    public static async Task<HttpResponseMessage> PostAsync(SiteClient client, int unitId, string? fileName, byte[]? file,
        string? altText = null, bool decorative = false, string? captionsName = null, byte[]? captions = null, bool withToken = true)
    {
        var (_, page) = await client.GetAsync("/author/media");
        var token = page.QuerySelector("form[action='/author/media/upload'] input[name=__RequestVerificationToken]") as IHtmlInputElement
            ?? throw new InvalidOperationException("No upload form with an antiforgery token on /author/media.");
        var content = new MultipartFormDataContent();
        if (withToken) content.Add(new StringContent(token.Value), "__RequestVerificationToken");
        content.Add(new StringContent(unitId.ToString()), "UnitId");
        if (file is not null) content.Add(FilePart(file), "File", fileName!);
        content.Add(new StringContent(altText ?? ""), "AltText");
        if (decorative) content.Add(new StringContent("true"), "Decorative");
        content.Add(new StringContent("false"), "Decorative");
        if (captions is not null) content.Add(FilePart(captions), "Captions", captionsName!);
        return await client.Http.PostAsync("/author/media/upload", content);
    }

    /// <summary>The browser's claim about the type is deliberately wrong: the server must not believe it.</summary>
    private static ByteArrayContent FilePart(byte[] bytes)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return part;
    }

    /// <summary>The same file with a unique tail, so tests sharing one site never reuse each other's rows.</summary>
    public static byte[] Unique(byte[] file) => [.. file, .. Guid.NewGuid().ToByteArray()];
}
