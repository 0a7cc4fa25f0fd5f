// placeholder until the output library lands
