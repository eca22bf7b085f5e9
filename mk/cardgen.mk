# The simulated camera card of picday demo (media/cardgen).
