/* Table scroll shadows, phone card view and the Compare picker. */
