namespace Redress.SharedKernel.Calendars;

/// <summary>The business-day calendar in force for a jurisdiction, as the compliance officer last loaded it.</summary>
public interface IBusinessCalendars
{
    Task<BusinessCalendar> ForAsync(string jurisdiction, CancellationToken cancellationToken);
}
