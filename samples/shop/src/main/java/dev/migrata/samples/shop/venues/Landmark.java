package dev.migrata.samples.shop.venues;

import dev.migrata.annotations.Model;

/** The same rows as {@link Place}, seen as sights: a proxy model, no table of its own. */
@Model(proxy = true)
public class Landmark extends Place {}
