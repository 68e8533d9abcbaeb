"""Property tests (hypothesis) run the same examples on every run unless asked otherwise.

``make test`` and CI use the "repeatable" profile: each property test draws its examples from a
seed derived from the test itself, so a run that passes passes again, and a failure is the code's,
not the draw's. ``HYPOTHESIS_PROFILE=explore make test`` draws new examples on every run, to look
for what the fixed ones miss; a failure it finds becomes a plain test with a French sentence.
"""

import os

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
