CREATE INDEX ix_tags_flag_bits ON tags (flag_bits) ALGORITHM=INPLACE LOCK=NONE;

