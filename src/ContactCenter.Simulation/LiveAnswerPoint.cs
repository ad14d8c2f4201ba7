using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// One point of a live-answer schedule (<see cref="NetworkModel.LiveAnswerSchedule"/>): from the start of the
/// shift, the probability that a call placed at that moment is answered by a live person.
/// </summary>
/// <param name="SinceStart">How long after the start of the shift; not negative.</param>
/// <param name="Probability">The live-answer probability of a call placed then, in [0, 1].</param>
public readonly record struct LiveAnswerPoint(Duration SinceStart, double Probability);
