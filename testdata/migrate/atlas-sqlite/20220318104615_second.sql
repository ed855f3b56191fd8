ALTER TABLE `tbl` ADD `col_2` bigint;
