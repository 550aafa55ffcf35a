using System.Collections.Concurrent;
using System.Data.Common;
using AngleSharp.Dom;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Catalog;

/// <summary>A site seeded with the shipped curriculum that counts the database commands of each request path.</summary>
public sealed class CatalogSite : SiteFactory
{
    public CatalogSite() : base(startSmtp: false, useSmtp: false)
    {
        WithSetting("Content:SeedDirectory", ShippedContent);
        WithServices(services => services.AddSingleton<IInterceptor>(sp => Queries = new QueryCounter(sp.GetRequiredService<IHttpContextAccessor>())));
    }

    public QueryCounter Queries { get; private set; } = null!;

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db => { await work(db); return 0; });

    /// <summary>The published, not archived versions of a kind, read straight from the database as the expectation.</summary>
    public Task<List<PublishedEntry>> PublishedAsync(ContentKind kind) => WithDbAsync(db =>
        db.ContentItems.AsNoTracking().Where(i => i.Kind == kind && !i.Archived && i.PublishedVersionId != null)
            .Join(db.ContentVersions, i => i.PublishedVersionId, v => v.Id, (i, v) => new PublishedEntry(i.Id, i.TranslationOfId, i.ParentId, i.Slug, i.Language, v))
            .ToListAsync());

    /// <summary>Adds an item with one version of the given status (and publishes it when the status is Published).</summary>
    public Task<ContentItem> AddItemAsync(ContentKind kind, string slug, string title, string text, VersionStatus status, string language = "de",
        string metadataJson = "{}", int? parentId = null) => WithDbAsync(async db =>
    {
        var unit = await db.SpecialistUnits.FirstAsync();
        var item = new ContentItem { Kind = kind, Slug = slug, Language = language, UnitId = unit.Id, ParentId = parentId, CreatedAt = DateTime.UtcNow };
        db.ContentItems.Add(item);
        await db.SaveChangesAsync();
        var version = NewVersion(item.Id, 1, status, title, text, metadataJson);
        db.ContentVersions.Add(version);
        await db.SaveChangesAsync();
        item.LatestVersionId = version.Id;
        if (status == VersionStatus.Published) item.PublishedVersionId = version.Id;
        await db.SaveChangesAsync();
        return item;
    });

    public static ContentVersion NewVersion(int itemId, int number, VersionStatus status, string title, string text, string metadataJson) => new()
    {
        ContentItemId = itemId, Number = number, Status = status, Title = title, Summary = text.Length > 200 ? text[..200] : text, Body = text, BodyHtml = $"<p>{text}</p>",
        MetadataJson = metadataJson, ContentHash = Guid.NewGuid().ToString("N"), SearchText = $"{title} {text}".ToLowerInvariant(),
        CreatedAt = DateTime.UtcNow, PublishedAt = status is VersionStatus.Published or VersionStatus.Superseded ? DateTime.UtcNow : null,
    };
}

public sealed record PublishedEntry(int ItemId, int? TranslationOfId, int? ParentId, string Slug, string Language, ContentVersion Version)
{
    public T Metadata<T>() => Version.Read<T>();
}

/// <summary>Counts the SQL commands EF Core runs, per request path, so a page's query count can be asserted.</summary>
public sealed class QueryCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public int For(string path) => _counts.GetValueOrDefault(path);

    public void Reset(string path) => _counts.TryRemove(path, out _);

    private void Count()
    {
        if (http.HttpContext?.Request.Path.Value is { } path) _counts.AddOrUpdate(path, 1, (_, n) => n + 1);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    { Count(); return result; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    { Count(); return ValueTask.FromResult(result); }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    { Count(); return result; }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    { Count(); return ValueTask.FromResult(result); }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    { Count(); return result; }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    { Count(); return ValueTask.FromResult(result); }
}

internal static class CatalogPage
{
    /// <summary>The slugs the cards of a course or material list link to, in page order.</summary>
    public static List<string> CardSlugs(IParentNode page) =>
        page.QuerySelectorAll(".catalog-card h2 a").Select(a => a.GetAttribute("href")!.Split('/').Last()).ToList();

    public static bool IsSiteNotFoundPage(IParentNode page, string language = "de") =>
        page.QuerySelector("main h1")?.TextContent == (language == "de" ? "Seite nicht gefunden" : "Page not found");
}
