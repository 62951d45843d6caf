//! Reader for PETRARCH verb dictionaries (placeholder; filled below).
