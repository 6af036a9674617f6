namespace GamifyHub.Data.Entities;

/// <summary>
/// Thanks from one employee to a colleague for their work on a feedback item. <see cref="Id"/> is also the id of the
/// receiver's <c>Kudos</c> engagement event that carries the Collaboration points, so retrying records them once.
/// </summary>
public sealed class KudosEntry
{
    public Guid Id { get; set; }
    public Guid GiverId { get; set; }
    public Guid GiverDepartmentId { get; set; }
    public Guid ReceiverId { get; set; }
    public Guid ReceiverDepartmentId { get; set; }
    public Guid FeedbackId { get; set; }
    public string? Message { get; set; }
    public DateTime GivenAt { get; set; }
}
