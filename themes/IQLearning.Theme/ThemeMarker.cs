namespace IQLearning.Theme;

/// <summary>Names the theme assembly (its embedded texts and static files) for the host.</summary>
public sealed class ThemeMarker;
