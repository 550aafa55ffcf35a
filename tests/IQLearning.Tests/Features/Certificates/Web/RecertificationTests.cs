using IQLearning.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Certificates.Web;

public sealed class RecertificationSite() : CertificateSite;

/// <summary>One certificate per completion: repeating a completion is a no-op; completing again after a recertification is a new one.</summary>
[Collection(SiteCollection.Name)]
public sealed class RecertificationTests(RecertificationSite site) : IClassFixture<RecertificationSite>
{
    [Fact]
    public async Task The_same_completion_twice_gives_one_certificate_and_a_later_completion_of_the_same_enrollment_a_second()
    {
        var course = await site.CreateCourseAsync(validityMonths: 24);
        var learner = await site.CreateLearnerAsync("Rita Wiederholung");
        var first = await site.EnrollAndCompleteAsync(learner, course);

        // The completion handler runs again for the very same completion (a retried job): nothing new.
        await site.CompleteAsync(first.EnrollmentId!.Value, learner.Id, course);
        Assert.Equal(1, await site.ReadAsync(db => db.Certificates.CountAsync(c => c.EnrollmentId == first.EnrollmentId)));

        // Two years later the assignment recurs, the enrollment is active again and completed once more.
        site.Clock.Advance(TimeSpan.FromDays(730));
        await site.CompleteAsync(first.EnrollmentId.Value, learner.Id, course);

        var numbers = await site.ReadAsync(db => db.Certificates.Where(c => c.EnrollmentId == first.EnrollmentId)
            .OrderBy(c => c.IssuedAt).Select(c => c.Number).ToListAsync());
        Assert.Equal(2, numbers.Count);
        Assert.Equal(first.Number, numbers[0]);
        Assert.NotEqual(numbers[0], numbers[1]);
    }
}
