using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Redress.SharedKernel.Persistence;

/// <summary>Stores an instant as UTC ticks, which sort and compare correctly as integers.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
