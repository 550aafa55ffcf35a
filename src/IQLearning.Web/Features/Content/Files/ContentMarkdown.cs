namespace IQLearning.Web.Features.Content.Files;

/// <summary>The normalised text of each Markdown file kind: front matter in the spec's key order, then the body.</summary>
internal static class ContentMarkdown
{
    public static string Course(Course c) => File(FrontMatterWriter.Mapping(w => w
        .Text("title", c.Title).Slug("language", c.Language).Slug("translation_of", c.TranslationOf)
        .Text("summary", c.Summary).Slug("unit", c.Unit).Slugs("audiences", c.Audiences).Slugs("topics", c.Topics)
        .Number("duration_minutes", c.DurationMinutes).Texts("outcomes", c.Outcomes).Slugs("standards", c.Standards)
        .Nested("certificate", cert => cert.Number("pass_mark", c.Certificate.PassMark).Number("validity_months", c.Certificate.ValidityMonths))
        .Slug("assessment", c.Assessment?.FileName)
        .Slugs("scenarios", c.Scenarios.Select(s => s.FileName))
        .Nested("modules", c.Modules, (m, module) => m.Text("title", module.Title).Slugs("lessons", module.Lessons.Select(l => l.FileName)))),
        c.Description);

    public static string Lesson(Lesson l) => File(FrontMatterWriter.Mapping(w => w
        .Slug("id", l.Id).Text("title", l.Title).Number("duration_minutes", l.DurationMinutes).Flag("required", l.Required)),
        l.Body);

    public static string Material(Material m) => File(FrontMatterWriter.Mapping(w => w
        .Text("title", m.Title).Slug("language", m.Language).Text("summary", m.Summary).Slug("unit", m.Unit)
        .Slugs("audiences", m.Audiences).Slugs("topics", m.Topics)
        .If(m.Attachments.Count > 0, w => w.Nested("attachments", m.Attachments, (a, attachment) => a.Text("file", attachment.File).Text("title", attachment.Title)))),
        m.Body);

    public static string Standard(QualityStandard s) => File(FrontMatterWriter.Mapping(w => w
        .Text("title", s.Title).Text("code", s.Code).Quoted("version", s.Version).Date("valid_from", s.ValidFrom)
        .Slug("language", s.Language).Slug("unit", s.Unit).Text("summary", s.Summary)),
        s.Body);

    private static string File(string frontMatter, string body) => $"---\n{frontMatter}---\n{ContentWriter.Body(body)}";
}
