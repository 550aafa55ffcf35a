using System.Net;
using IQLearning.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Security;

/// <summary>
/// The access-control matrix (ASVS 4.1.1, 4.1.3, 4.2.1; BSI CON.10.A2): every route the app maps × every role × own or
/// other organization/unit/learner → the status it must answer. The rows are checked against the app's own route
/// table (EndpointDataSource), so a new route without a row fails, and so does a row whose route is gone.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class AccessMatrixTests(AccessMatrixWorld world) : IClassFixture<AccessMatrixWorld>
{
    /// <summary>
    /// Expected outcome per actor, in the order anonymous | learner | manager | author | reviewer | administrator.
    /// Anonymous has one cell; each signed-in actor two: with the ids of their own side (organization A, unit A,
    /// learner A's records) and of the other side (B). A cell is a status code, L (302 to the sign-in page), or
    /// "-" for a POST the test does not send because it is allowed and would change data (the feature's own tests
    /// cover it). POSTs are sent with a valid antiforgery token wherever the cell expects a refusal, and must change
    /// nothing. All actors belong to side A: the learner and the manager to organization A, the author and the
    /// reviewer to unit A; so for a learner's record "own" is learner A's, which is not the manager's own.
    /// </summary>
    public static readonly IReadOnlyList<Row> Table =
    [
        new("GET", "/error", "/error", "500 | 500 500 | 500 500 | 500 500 | 500 500 | 500 500"),
        new("GET", "/error/{status:int}", "/error/404", "404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/health", "/health", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/", "/", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/.well-known/jwks.json", "/.well-known/jwks.json", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/access-denied", "/account/access-denied", "403 | 403 403 | 403 403 | 403 403 | 403 403 | 403 403"),
        new("GET", "/account/change-email", "/account/change-email", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/change-password", "/account/change-password", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/confirm-email", "/account/confirm-email", "400 | 400 400 | 400 400 | 400 400 | 400 400 | 400 400"),
        new("GET", "/account/confirm-email-change", "/account/confirm-email-change", "400 | 400 400 | 400 400 | 400 400 | 400 400 | 400 400"),
        new("GET", "/account/confirm-password", "/account/confirm-password", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/forgot-password", "/account/forgot-password", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/login", "/account/login", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/login/two-factor", "/account/login/two-factor", "L | L L | L L | L L | L L | L L"),
        new("GET", "/account/notifications", "/account/notifications", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/privacy", "/account/privacy", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/privacy/certificates/{id:int}/pdf", "/account/privacy/certificates/{certificate}/pdf", "L | 200 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/account/privacy/delete", "/account/privacy/delete", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/privacy/deleted", "/account/privacy/deleted", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/privacy/export", "/account/privacy/export", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/privacy/export.json", "/account/privacy/export.json", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/profile", "/account/profile", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/register", "/account/register", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/register/confirmation", "/account/register/confirmation", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/resend-confirmation", "/account/resend-confirmation", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/account/reset-password", "/account/reset-password", "400 | 400 400 | 400 400 | 400 400 | 400 400 | 400 400"),
        new("GET", "/account/two-factor", "/account/two-factor", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/admin", "/admin", "L | 403 403 | 403 403 | 403 403 | 403 403 | 200 200"),
        new("GET", "/admin/accessibility-feedback", "/admin/accessibility-feedback", "L | 403 403 | 403 403 | 403 403 | 403 403 | 200 200"),
        new("GET", "/admin/accessibility-feedback/{id:int}", "/admin/accessibility-feedback/999999", "L | 403 403 | 403 403 | 403 403 | 403 403 | 404 404"),
        new("GET", "/admin/audit", "/admin/audit", "L | 403 403 | 403 403 | 403 403 | 403 403 | 200 200"),
        new("GET", "/admin/certificates", "/admin/certificates", "L | 403 403 | 403 403 | 403 403 | 200 200 | 200 200"),
        new("GET", "/admin/certificates/bulk", "/admin/certificates/bulk", "L | 403 403 | 403 403 | 403 403 | 200 200 | 200 200"),
        new("GET", "/admin/certificates/deliveries", "/admin/certificates/deliveries", "L | 403 403 | 403 403 | 403 403 | 200 200 | 200 200"),
        new("GET", "/admin/certificates/issue", "/admin/certificates/issue", "L | 403 403 | 403 403 | 403 403 | 200 200 | 200 200"),
        new("GET", "/admin/certificates/{id:int}", "/admin/certificates/{certificate}", "L | 403 403 | 403 403 | 403 403 | 200 200 | 200 200"),
        new("GET", "/admin/mail", "/admin/mail", "L | 403 403 | 403 403 | 403 403 | 403 403 | 200 200"),
        new("GET", "/admin/mail/files/{name}", "/admin/mail/files/none.eml", "L | 403 403 | 403 403 | 403 403 | 403 403 | 404 404"),
        new("GET", "/admin/mail/{id:guid}", "/admin/mail/00000000-0000-0000-0000-000000000000", "L | 403 403 | 403 403 | 403 403 | 403 403 | 404 404"),
        new("GET", "/admin/organizations", "/admin/organizations", "L | 403 403 | 403 403 | 403 403 | 403 403 | 200 200"),
        new("GET", "/admin/organizations/new", "/admin/organizations/new", "L | 403 403 | 403 403 | 403 403 | 403 403 | 200 200"),
        new("GET", "/admin/organizations/{id:int}/edit", "/admin/organizations/{org}/edit", "L | 403 403 | 403 403 | 403 403 | 403 403 | 200 200"),
        new("GET", "/admin/units", "/admin/units", "L | 403 403 | 403 403 | 403 403 | 403 403 | 200 200"),
        new("GET", "/admin/units/{id:int}", "/admin/units/{unit}", "L | 403 403 | 403 403 | 403 403 | 403 403 | 200 200"),
        new("GET", "/admin/users", "/admin/users", "L | 403 403 | 403 403 | 403 403 | 403 403 | 200 200"),
        new("GET", "/admin/users/{id}", "/admin/users/{user}", "L | 403 403 | 403 403 | 403 403 | 403 403 | 200 200"),
        new("GET", "/author", "/author", "L | 403 403 | 403 403 | 200 200 | 200 200 | 200 200"),
        new("GET", "/author/items/{id:int}", "/author/items/{item}", "L | 403 403 | 403 403 | 200 404 | 200 404 | 200 200"),
        new("GET", "/author/items/{id:int}/diff", "/author/items/{item}/diff?from=1&to=1", "L | 403 403 | 403 403 | 200 404 | 200 404 | 200 200"),
        new("GET", "/author/items/{id:int}/edit", "/author/items/{item}/edit", "L | 403 403 | 403 403 | 200 404 | 200 404 | 200 200"),
        new("GET", "/author/media", "/author/media", "L | 403 403 | 403 403 | 200 200 | 200 200 | 200 200"),
        new("GET", "/author/media/{id:int}", "/author/media/{media}", "L | 403 403 | 403 403 | 200 404 | 200 404 | 200 200"),
        new("GET", "/author/new/{kind}", "/author/new/lesson", "L | 403 403 | 403 403 | 200 200 | 200 200 | 200 200"),
        new("GET", "/author/versions/{id:int}", "/author/versions/{version}", "L | 403 403 | 403 403 | 200 404 | 200 404 | 200 200"),
        new("GET", "/barrierefreiheit", "/barrierefreiheit", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/barrierefreiheit/feedback", "/barrierefreiheit/feedback", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/barrierefreiheit/feedback/confirmation", "/barrierefreiheit/feedback/confirmation", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/certificates", "/certificates", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/certificates/{id:int}/credential.jwt", "/certificates/{certificate}/credential.jwt", "L | 404 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/certificates/{id:int}/pdf", "/certificates/{certificate}/pdf", "L | 200 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/courses", "/courses", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/courses/{slug}", "/courses/{courseSlug}", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/datenschutz", "/datenschutz", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/impressum", "/impressum", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/invitations/{token}", "/invitations/not-a-token", "404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/learn", "/learn", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/learn/{courseSlug}", "/learn/{courseSlug}", "L | 302 302 | 302 302 | 302 302 | 302 302 | 302 302"),
        new("GET", "/learn/{courseSlug}/{lessonId}", "/learn/{courseSlug}/{lesson}", "L | 200 200 | 302 302 | 302 302 | 302 302 | 302 302"),
        new("GET", "/leichte-sprache", "/leichte-sprache", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/materials", "/materials", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/materials/{slug}", "/materials/none", "404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/materials/{slug}/files/{file}", "/materials/none/files/none.pdf", "404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/media/{id:int}/{name}", "/media/{media}/{mediaName}", "404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/organizations", "/organizations", "L | 403 403 | 302 302 | 403 403 | 403 403 | 200 200"),
        new("GET", "/organizations/{id:int}", "/organizations/{org}", "L | 403 403 | 200 404 | 403 403 | 403 403 | 200 200"),
        new("GET", "/organizations/{id:int}/assignments", "/organizations/{org}/assignments", "L | 403 403 | 200 404 | 403 403 | 403 403 | 200 200"),
        new("GET", "/organizations/{id:int}/export.csv", "/organizations/{org}/export.csv", "L | 403 403 | 200 404 | 403 403 | 403 403 | 200 200"),
        new("GET", "/organizations/{id:int}/export.xlsx", "/organizations/{org}/export.xlsx", "L | 403 403 | 200 404 | 403 403 | 403 403 | 200 200"),
        new("GET", "/organizations/{id:int}/members", "/organizations/{org}/members", "L | 403 403 | 200 404 | 403 403 | 403 403 | 200 200"),
        new("GET", "/pages/{slug}", "/pages/none", "404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/quiz/{assessmentItemId:int}", "/quiz/{quiz}", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/quiz/{assessmentItemId:int}/attempts/{attemptId:int}", "/quiz/{quiz}/attempts/{attempt}", "L | 200 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/quiz/{assessmentItemId:int}/attempts/{attemptId:int}/result", "/quiz/{quiz}/attempts/{attempt}/result", "L | 302 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/quiz/{assessmentItemId:int}/attempts/{attemptId:int}/review", "/quiz/{quiz}/attempts/{attempt}/review", "L | 200 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/reminders/opt-out", "/reminders/opt-out", "404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/review", "/review", "L | 403 403 | 403 403 | 403 403 | 200 200 | 200 200"),
        new("GET", "/review/{id:int}", "/review/{version}", "L | 403 403 | 403 403 | 403 403 | 200 404 | 200 200"),
        new("GET", "/scenario/{scenarioItemId:int}", "/scenario/{scenario}", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/scenario/{scenarioItemId:int}/runs/{runId:int}", "/scenario/{scenario}/runs/{run}", "L | 200 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/scenario/{scenarioItemId:int}/runs/{runId:int}/choices/{choiceNumber:int}", "/scenario/{scenario}/runs/{run}/choices/1", "L | 404 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/search", "/search", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/self-assessment", "/self-assessment", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/self-assessment/{slug}", "/self-assessment/{slug}", "L | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/self-assessment/{slug}/results/{resultId:int}", "/self-assessment/{slug}/results/{result}", "L | 200 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/standards", "/standards", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/standards/{slug}", "/standards/none", "404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/verify", "/verify", "200 | 200 200 | 200 200 | 200 200 | 200 200 | 200 200"),
        new("GET", "/verify/{number}", "/verify/{certificateNumber}", "404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("GET", "/{**path:file}", "/none.txt", "404 | 404 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("POST", "/account/change-email", "/account/change-email", "L | - - | - - | - - | - - | - -"),
        new("POST", "/account/change-password", "/account/change-password", "L | - - | - - | - - | - - | - -"),
        new("POST", "/account/confirm-email-change", "/account/confirm-email-change", "- | - - | - - | - - | - - | - -"),
        new("POST", "/account/confirm-password", "/account/confirm-password", "L | - - | - - | - - | - - | - -"),
        new("POST", "/account/forgot-password", "/account/forgot-password", "- | - - | - - | - - | - - | - -"),
        new("POST", "/account/keep-alive", "/account/keep-alive", "L | - - | - - | - - | - - | - -"),
        new("POST", "/account/login", "/account/login", "- | - - | - - | - - | - - | - -"),
        new("POST", "/account/login/two-factor", "/account/login/two-factor", "- | - - | - - | - - | - - | - -"),
        new("POST", "/account/logout", "/account/logout", "L | - - | - - | - - | - - | - -"),
        new("POST", "/account/privacy/consents/{organizationId:int}/give", "/account/privacy/consents/{org}/give", "L | - 404 | - 404 | 404 404 | 404 404 | 404 404"),
        new("POST", "/account/privacy/consents/{organizationId:int}/withdraw", "/account/privacy/consents/{org}/withdraw", "L | - 404 | - 404 | 404 404 | 404 404 | 404 404"),
        new("POST", "/account/privacy/delete", "/account/privacy/delete", "L | - - | - - | - - | - - | - -"),
        new("POST", "/account/notifications", "/account/notifications", "L | - - | - - | - - | - - | - -"),
        new("POST", "/account/profile", "/account/profile", "L | - - | - - | - - | - - | - -"),
        new("POST", "/account/register", "/account/register", "- | - - | - - | - - | - - | - -"),
        new("POST", "/account/resend-confirmation", "/account/resend-confirmation", "- | - - | - - | - - | - - | - -"),
        new("POST", "/account/reset-password", "/account/reset-password", "- | - - | - - | - - | - - | - -"),
        new("POST", "/account/two-factor", "/account/two-factor", "L | - - | - - | - - | - - | - -"),
        new("POST", "/account/two-factor/disable", "/account/two-factor/disable", "L | - - | - - | - - | - - | - -"),
        new("POST", "/account/two-factor/recovery-codes", "/account/two-factor/recovery-codes", "L | - - | - - | - - | - - | - -"),
        new("POST", "/admin/accessibility-feedback/{id:int}/answer", "/admin/accessibility-feedback/999999/answer", "L | 403 403 | 403 403 | 403 403 | 403 403 | 404 404"),
        new("POST", "/admin/certificates/bulk", "/admin/certificates/bulk", "L | 403 403 | 403 403 | 403 403 | - - | - -"),
        new("POST", "/admin/certificates/deliveries/{id:int}/resend", "/admin/certificates/deliveries/999999/resend", "L | 403 403 | 403 403 | 403 403 | 404 404 | 404 404"),
        new("POST", "/admin/certificates/issue", "/admin/certificates/issue", "L | 403 403 | 403 403 | 403 403 | - - | - -"),
        new("POST", "/admin/certificates/zip", "/admin/certificates/zip", "L | 403 403 | 403 403 | 403 403 | - - | - -"),
        new("POST", "/admin/certificates/{id:int}/revoke", "/admin/certificates/{certificate}/revoke", "L | 403 403 | 403 403 | 403 403 | - - | - -"),
        new("POST", "/admin/mail/{id:guid}/resend", "/admin/mail/00000000-0000-0000-0000-000000000000/resend", "L | 403 403 | 403 403 | 403 403 | 403 403 | 404 404"),
        new("POST", "/admin/organizations/save", "/admin/organizations/save", "L | 403 403 | 403 403 | 403 403 | 403 403 | - -"),
        new("POST", "/admin/units", "/admin/units", "L | 403 403 | 403 403 | 403 403 | 403 403 | - -"),
        new("POST", "/admin/units/{id:int}/members", "/admin/units/{unit}/members", "L | 403 403 | 403 403 | 403 403 | 403 403 | - -"),
        new("POST", "/admin/units/{id:int}/members/remove", "/admin/units/{unit}/members/remove", "L | 403 403 | 403 403 | 403 403 | 403 403 | - -"),
        new("POST", "/admin/users/{id}/lock", "/admin/users/{user}/lock", "L | 403 403 | 403 403 | 403 403 | 403 403 | - -"),
        new("POST", "/admin/users/{id}/roles", "/admin/users/{user}/roles", "L | 403 403 | 403 403 | 403 403 | 403 403 | - -"),
        new("POST", "/admin/users/{id}/unlock", "/admin/users/{user}/unlock", "L | 403 403 | 403 403 | 403 403 | 403 403 | - -"),
        new("POST", "/author/items/{id:int}/archive", "/author/items/{item}/archive", "L | 403 403 | 403 403 | - 404 | - 404 | - -"),
        new("POST", "/author/items/{id:int}/edit", "/author/items/{item}/edit", "L | 403 403 | 403 403 | - 404 | - 404 | - -"),
        new("POST", "/author/media/upload", "/author/media/upload", "L | 403 403 | 403 403 | - - | - - | - -"),
        new("POST", "/author/new/{kind}", "/author/new/lesson", "L | 403 403 | 403 403 | - - | - - | - -"),
        new("POST", "/author/preview", "/author/preview", "L | 403 403 | 403 403 | - - | - - | - -"),
        new("POST", "/author/versions/{id:int}/restore", "/author/versions/{version}/restore", "L | 403 403 | 403 403 | - 404 | - 404 | - -"),
        new("POST", "/author/versions/{id:int}/submit", "/author/versions/{version}/submit", "L | 403 403 | 403 403 | - 404 | - 404 | - -"),
        new("POST", "/barrierefreiheit/feedback", "/barrierefreiheit/feedback", "- | - - | - - | - - | - - | - -"),
        new("POST", "/culture", "/culture", "- | - - | - - | - - | - - | - -"),
        new("POST", "/invitations/{token}", "/invitations/not-a-token", "L | 404 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("POST", "/learn/enrol/{courseItemId:int}", "/learn/enrol/{course}", "L | - - | - - | - - | - - | - -"),
        new("POST", "/learn/leave/{enrollmentId:int}", "/learn/leave/{enrollment}", "L | - 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("POST", "/learn/{courseSlug}/{lessonId}/done", "/learn/{courseSlug}/{lesson}/done", "L | - - | - - | - - | - - | - -"),
        new("POST", "/learn/{courseSlug}/{lessonId}/heartbeat", "/learn/{courseSlug}/{lesson}/heartbeat", "L | - - | - - | - - | - - | - -"),
        new("POST", "/organizations/{id:int}/assignments", "/organizations/{org}/assignments", "L | 403 403 | - 404 | 403 403 | 403 403 | - -"),
        new("POST", "/organizations/{id:int}/invitations", "/organizations/{org}/invitations", "L | 403 403 | - 404 | 403 403 | 403 403 | - -"),
        new("POST", "/organizations/{id:int}/invitations/{invitationId:int}/withdraw", "/organizations/{org}/invitations/{invitation}/withdraw", "L | 403 403 | - 404 | 403 403 | 403 403 | - -"),
        new("POST", "/organizations/{id:int}/members/import", "/organizations/{org}/members/import", "L | 403 403 | - 404 | 403 403 | 403 403 | - -"),
        new("POST", "/organizations/{id:int}/members/{userId}/remove", "/organizations/{org}/members/{member}/remove", "L | 403 403 | - 404 | 403 403 | 403 403 | - -"),
        new("POST", "/quiz/{assessmentItemId:int}/attempts", "/quiz/{quiz}/attempts", "L | - - | - - | - - | - - | - -"),
        new("POST", "/quiz/{assessmentItemId:int}/attempts/{attemptId:int}/answers", "/quiz/{quiz}/attempts/{attempt}/answers", "L | - 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("POST", "/quiz/{assessmentItemId:int}/attempts/{attemptId:int}/extend", "/quiz/{quiz}/attempts/{attempt}/extend", "L | - 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("POST", "/quiz/{assessmentItemId:int}/attempts/{attemptId:int}/submit", "/quiz/{quiz}/attempts/{attempt}/submit", "L | - 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("POST", "/reminders/opt-out", "/reminders/opt-out", "- | - - | - - | - - | - - | - -"),
        new("POST", "/review/{id:int}/publish", "/review/{version}/publish", "L | 403 403 | 403 403 | 403 403 | - 404 | - -"),
        new("POST", "/review/{id:int}/return", "/review/{version}/return", "L | 403 403 | 403 403 | 403 403 | - 404 | - -"),
        new("POST", "/scenario/{scenarioItemId:int}/runs", "/scenario/{scenario}/runs", "L | - - | - - | - - | - - | - -"),
        new("POST", "/scenario/{scenarioItemId:int}/runs/{runId:int}/choices", "/scenario/{scenario}/runs/{run}/choices", "L | - 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("POST", "/self-assessment/{slug}", "/self-assessment/{slug}", "L | - - | - - | - - | - - | - -"),
        new("POST", "/self-assessment/{slug}/results/delete", "/self-assessment/{slug}/results/delete", "L | - - | - - | - - | - - | - -"),
        new("POST", "/self-assessment/{slug}/results/{resultId:int}/delete", "/self-assessment/{slug}/results/{result}/delete", "L | - 404 | 404 404 | 404 404 | 404 404 | 404 404"),
        new("POST", "/verify/credential", "/verify/credential", "- | - - | - - | - - | - - | - -"),
    ];

    /// <summary>Static web assets (the theme's CSS, JS and icons) are public files, not routes to authorize.</summary>
    private static bool IsStaticAsset(string pattern) => pattern.StartsWith("/_content/", StringComparison.Ordinal);

    public static TheoryData<string, string> GetRows() => Rows("GET");
    public static TheoryData<string, string> PostRows() => Rows("POST");

    private static TheoryData<string, string> Rows(string method)
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Table.Where(r => r.Method == method)) data.Add(row.Method, row.Pattern);
        return data;
    }

    [Fact]
    public void The_table_has_a_row_for_every_route_of_the_app_and_none_for_a_route_it_does_not_map()
    {
        var mapped = world.Site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(e => !IsStaticAsset(e.Pattern))
            .SelectMany(e => e.Methods.Where(m => m is not "HEAD").Select(m => $"{m} {e.Pattern}"))
            .ToHashSet();
        var listed = Table.Select(r => $"{r.Method} {r.Pattern}").ToList();

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Empty(mapped.Except(listed).Order());
        Assert.Empty(listed.Except(mapped).Order());
    }

    [Theory, MemberData(nameof(GetRows))]
    public async Task Each_role_gets_what_the_table_says_for_own_and_other_ids(string method, string pattern)
    {
        var row = Table.Single(r => r.Method == method && r.Pattern == pattern);
        var wrong = new List<string>();
        foreach (var (actor, own, expected) in row.Cells())
        {
            var url = world.Url(row.Url, own);
            var response = await world.Clients[actor].Http.GetAsync(url);
            var actual = Outcome(response);
            if (actual != expected) wrong.Add($"{actor} {(own ? "own" : "other")} {url}: {actual}, expected {expected}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory, MemberData(nameof(PostRows))]
    public async Task A_refused_post_with_a_valid_token_answers_as_the_table_says_and_changes_nothing(string method, string pattern)
    {
        var row = Table.Single(r => r.Method == method && r.Pattern == pattern);
        var before = await world.StateAsync();
        var wrong = new List<string>();
        foreach (var (actor, own, expected) in row.Cells().Where(c => c.Expected != "-"))
        {
            var url = world.Url(row.Url, own);
            var client = world.Clients[actor];
            var token = SecureClients.Token((await client.GetAsync("/")).Page) ?? throw new InvalidOperationException($"No token for {actor}.");
            using var body = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Ein Titel"), "Title" },
                { new StringContent("intruder@example.org"), "Invitation.Email" }, { new StringContent(Roles), "roles" },
            };
            var actual = Outcome(await client.Http.PostAsync(url, body));
            if (actual != expected) wrong.Add($"{actor} {(own ? "own" : "other")} {url}: {actual}, expected {expected}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(before, await world.StateAsync());
    }

    private const string Roles = IQLearning.Web.Features.Accounts.Roles.Administrator;

    private static string Outcome(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
            && new Uri(new Uri("http://localhost"), location).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal)
            ? "L" : ((int)response.StatusCode).ToString();

    /// <summary>One route: method and pattern as the app maps them, a URL template with the world's placeholders, the outcomes.</summary>
    public sealed record Row(string Method, string Pattern, string Url, string Expected)
    {
        public IEnumerable<(string Actor, bool Own, string Expected)> Cells()
        {
            var groups = Expected.Split('|', StringSplitOptions.TrimEntries);
            if (groups.Length != AccessMatrixWorld.Actors.Length) throw new FormatException($"{Method} {Pattern}: {groups.Length} groups");
            yield return ("anonymous", true, groups[0]);
            for (var i = 1; i < groups.Length; i++)
            {
                var cells = groups[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (cells.Length != 2) throw new FormatException($"{Method} {Pattern}: {groups[i]}");
                yield return (AccessMatrixWorld.Actors[i], true, cells[0]);
                yield return (AccessMatrixWorld.Actors[i], false, cells[1]);
            }
        }
    }
}
