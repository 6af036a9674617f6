namespace GamifyHub.Domain.Feedback;

/// <summary>Size limits shared by validation and storage.</summary>
public static class FeedbackLimits
{
    public const int ExternalIdMaxLength = 200;
    public const int AuthorMaxLength = 200;
    public const int TextMaxLength = 10_000;
    public const int UrlMaxLength = 2_000;
    public const int NoteMaxLength = 4_000;
    public const int TitleMaxLength = 300;
    public const int BatchMaxItems = 1_000;
}
