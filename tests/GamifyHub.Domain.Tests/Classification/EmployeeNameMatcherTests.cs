using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GamifyHub.Domain.Classification;

namespace GamifyHub.Domain.Tests.Classification;

public class EmployeeNameMatcherTests
{
    private static readonly EmployeeNameMatcher Matcher = new(["Lena Müller", "Ravi Patel", "Sofia Rossi", "José Ramírez"]);

    [Theory]
    [InlineData("Lena Müller from R&D fixed it for me")]
    [InlineData("thanks to lena müller!")]
    [InlineData("LENA MUELLER was very rude on the phone")]
    [InlineData("Danke an Lena Muller")]
    [InlineData("Ask Ravi Patel, he knows")]
    [InlineData("@Sofia Rossi please call back")]
    [InlineData("José Ramirez helped")]
    [InlineData("jose ramírez helped")]
    public void AFullNameIsFoundWhateverItsCaseOrSpelling(string text)
    {
        Assert.True(Matcher.MentionsAnyone(text));
    }

    [Theory]
    [InlineData("Lena from support was great")]
    [InlineData("The Müller family loves the kettle")]
    [InlineData("Elena Müllerstraße is our address")]
    [InlineData("Ravi Patelnikov")]
    [InlineData("Patel Ravi")]
    [InlineData("")]
    public void PartsOfNamesOtherWordsAndOtherOrdersAreNotMentions(string text)
    {
        Assert.False(Matcher.MentionsAnyone(text));
    }

    [Fact]
    public void SingleWordNamesNeverMatch()
    {
        Assert.False(new EmployeeNameMatcher(["Support", "Tom"]).MentionsAnyone("Tom from support"));
    }

    [Property]
    public Property ANameEmbeddedBetweenOtherWordsIsFound(NonEmptyString before, NonEmptyString after)
    {
        var text = $"{before.Get} Sofia Rossi {after.Get}";
        return Matcher.MentionsAnyone(text).ToProperty();
    }
}
