using System.ComponentModel.DataAnnotations;

namespace IQLearning.Web.Features.Accessibility;

/// <summary>What a reporter types into the feedback form; only the description is required (anonymous reports are allowed).</summary>
public sealed class FeedbackForm
{
    [StringLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Accessibility.Field.Name")]
    public string? Name { get; set; }

    [EmailAddress(ErrorMessage = "Validation.Email"), StringLength(254, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Accessibility.Field.Email")]
    public string? Email { get; set; }

    [StringLength(500, ErrorMessage = "Validation.MaxLength"), Display(Name = "Accessibility.Field.PageUrl")]
    public string? PageUrl { get; set; }

    [Required(ErrorMessage = "Accessibility.Error.MessageRequired"), StringLength(5000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Accessibility.Field.Message")]
    public string Message { get; set; } = "";
}

/// <summary>The administrator's reply; the language chooses the words around it in the mail to the reporter.</summary>
public sealed class AnswerForm
{
    [Required(ErrorMessage = "Accessibility.Error.AnswerRequired"), StringLength(5000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Accessibility.Field.Answer")]
    public string Answer { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), RegularExpression("^(de|en)$", ErrorMessage = "Validation.Invalid")]
    [Display(Name = "Accessibility.Field.AnswerLanguage")]
    public string Language { get; set; } = "de";
}
