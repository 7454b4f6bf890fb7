"""Validates a STIX 2.1 bundle with the OASIS stix2-validator.

Usage: python stix-validate.py <bundle.json>

Runs the STIX 2.1 schemas and every MUST and SHOULD check of the validator, strictly: a
failed recommendation is an error, and custom object types and custom properties are
refused. Two recommendations are relaxed, on purpose, and only reported as warnings:
STIX recommends UUIDv4 ids for domain objects, and the hub uses UUIDv5 so that the same
advisory always exports the same ids (`uuid-check`); and it recommends a hash of what an
external reference's URL points to, which for web pages that change is no use
(`extref-hashes`). Prints the results; exits 0 when the bundle is valid,
1 when it is not, 2 on a usage error.
"""

import logging
import sys

from stix2validator import ValidationOptions, print_results, validate_file


RELAXED = ["uuid-check", "extref-hashes"]


def options(strict: bool) -> ValidationOptions:
    return ValidationOptions(
        version="2.1",
        strict=strict,
        strict_types=True,
        strict_properties=True,
        enforce_refs=True,
        verbose=True,
        disabled=RELAXED if strict else [],
    )


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: stix-validate.py <bundle.json>", file=sys.stderr)
        return 2
    logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(message)s")
    # Strict, less the relaxed recommendations, decides; a lenient run shows every warning.
    strict = validate_file(sys.argv[1], options(strict=True))
    print("== strict (decides; relaxed: %s):" % ", ".join(RELAXED))
    print_results(strict)
    print("== all checks (warnings only):")
    print_results(validate_file(sys.argv[1], options(strict=False)))
    return 0 if strict.is_valid else 1


if __name__ == "__main__":
    sys.exit(main())
