using System.Net;
using System.Text.RegularExpressions;
using IQLearning.Tests.Features.Assessments.Taking;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Assessments.Model;
using IQLearning.Web.Features.Assessments.ScenarioPlayer;
using IQLearning.Web.Features.Assessments.Scenarios;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Assessments.ScenarioPlayer;

[Collection(SiteCollection.Name)]
public sealed partial class ScenarioRunTests(AssessmentSite site) : IClassFixture<AssessmentSite>
{
    private const string ScenarioSlug = "ikhr-das-zweite-interview";

    private async Task<(SiteClient Client, string UserId, ContentItem Item, Scenario Scenario)> LearnerAsync()
    {
        var user = await TestAccounts.CreateAsync(site);
        var item = await site.ItemAsync(ContentKind.Scenario, ScenarioSlug);
        var scenario = ScenarioReader.Read("s.yml", await site.PublishedBodyAsync(item.Id)).Scenario!;
        return (await TestAccounts.SignedInAsync(site, user), user.Id, item, scenario);
    }

    private static async Task<int> StartAsync(SiteClient client, int itemId)
    {
        var response = await client.PostFromPageAsync($"/scenario/{itemId}", $"/scenario/{itemId}/runs");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(RunId().Match(response.Headers.Location!.ToString()).Groups[1].Value);
    }

    private static Task<HttpResponseMessage> ChooseAsync(SiteClient client, int itemId, int runId, string step, string option) =>
        client.PostFromPageAsync($"/scenario/{itemId}/runs/{runId}", $"/scenario/{itemId}/runs/{runId}/choices",
            new Dictionary<string, string> { ["step"] = step, ["option"] = option });

    private Task<ScenarioRun> RunAsync(int runId) => site.WithDbAsync(db => db.ScenarioRuns.AsNoTracking().SingleAsync(r => r.Id == runId));

    /// <summary>At each step the option that reaches an end in the fewest steps, so the walk always finishes.</summary>
    private static int ShortestOption(Scenario scenario, ScenarioStep step)
    {
        var distance = scenario.Steps.ToDictionary(s => s.Id, _ => int.MaxValue / 2);
        for (var round = 0; round < scenario.Steps.Count; round++)
            foreach (var s in scenario.Steps)
                distance[s.Id] = s.Options.Min(o => o.Next is null ? 1 : distance[o.Next] + 1);
        return step.Options.Select((o, i) => (Cost: o.Next is null ? 0 : distance[o.Next], i)).MinBy(x => x.Cost).i;
    }

    [Fact]
    public async Task Playing_to_the_end_records_the_path_finishes_the_run_and_raises_the_course_step_once()
    {
        var (client, userId, item, scenario) = await LearnerAsync();
        var runId = await StartAsync(client, item.Id);
        var expected = new List<(string, int)>();

        for (var step = scenario.Step(scenario.Start); step is not null;)
        {
            var option = ShortestOption(scenario, step);
            var (_, page) = await client.GetAsync($"/scenario/{item.Id}/runs/{runId}");
            Assert.Equal(step.Options.Count, page.QuerySelectorAll("input[type=radio][name=option]").Length);
            var chosen = await ChooseAsync(client, item.Id, runId, step.Id, option.ToString());
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
            var (_, explanation) = await client.GetAsync(chosen.Headers.Location!.ToString());
            Assert.Contains(step.Options[option].Text, explanation.QuerySelector("main")!.TextContent);
            expected.Add((step.Id, option));
            step = step.Options[option].Next is { } next ? scenario.Step(next) : null;
        }

        var run = await RunAsync(runId);
        Assert.NotNull(run.FinishedAt);
        Assert.Null(run.CurrentStepId);
        Assert.Equal(expected, PathEntry.Read(run.PathJson).Select(e => (e.Step, e.Option)));
        Assert.Equal([item.ParentId!.Value], site.Recorded.For(userId).Select(s => s.CourseItemId));
        var (_, end) = await client.GetAsync($"/scenario/{item.Id}/runs/{runId}");
        Assert.NotNull(end.QuerySelector(".notice-success"));

        var again = await StartAsync(client, item.Id);
        Assert.NotEqual(runId, again);
        Assert.Null((await RunAsync(again)).FinishedAt);
        Assert.Single(site.Recorded.For(userId));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-1")]
    [InlineData("")]
    public async Task An_option_not_offered_in_the_current_step_is_rejected_and_nothing_is_recorded(string option)
    {
        var (client, _, item, scenario) = await LearnerAsync();
        var runId = await StartAsync(client, item.Id);
        var start = scenario.Step(scenario.Start)!;
        if (option == "5") option = start.Options.Count.ToString();

        var response = await ChooseAsync(client, item.Id, runId, start.Id, option);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await SiteClient.ParseAsync(response)).QuerySelector(".error-summary"));
        var run = await RunAsync(runId);
        Assert.Equal("[]", run.PathJson);
        Assert.Equal(start.Id, run.CurrentStepId);
    }

    [Fact]
    public async Task A_choice_for_a_step_already_passed_records_nothing()
    {
        var (client, _, item, scenario) = await LearnerAsync();
        var runId = await StartAsync(client, item.Id);
        var start = scenario.Step(scenario.Start)!;
        var next = start.Options.Select((o, i) => (o, i)).First(x => x.o.Next is not null);
        await ChooseAsync(client, item.Id, runId, start.Id, next.i.ToString());

        var stale = await ChooseAsync(client, item.Id, runId, start.Id, "0");

        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        var run = await RunAsync(runId);
        Assert.Single(PathEntry.Read(run.PathJson));
        Assert.Equal(next.o.Next, run.CurrentStepId);
    }

    [Fact]
    public async Task Someone_elses_run_is_not_found()
    {
        var (owner, _, item, scenario) = await LearnerAsync();
        var runId = await StartAsync(owner, item.Id);
        var (other, _, _, _) = await LearnerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/scenario/{item.Id}/runs/{runId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ChooseAsync(other, item.Id, runId, scenario.Start, "0")).StatusCode);
        Assert.Equal("[]", (await RunAsync(runId)).PathJson);
    }

    [GeneratedRegex(@"/runs/(\d+)")]
    private static partial Regex RunId();
}
