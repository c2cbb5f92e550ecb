"""Reports, each rendered from the stored records of one run."""
